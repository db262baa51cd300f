"""Where each page type may live, and creating pages the way editors do."""

import inspect

from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage, SiteContent, StandardPage
from members.models import GovernancePage, MemberDirectoryPage
from news.models import NewsIndexPage, NewsPage
from pillars.models import InitiativePage, PillarPage
from services.models import ServiceIndexPage, ServicePage
from tests.admin import EditorTestCase
from tests.factories import PAGE_FACTORIES
from tests.project import project_app_labels
from tests.sites import BilingualSiteTestCase

# Each page type: the types it may live under, and the types it may hold.
TREE_RULES = {
    HomePage: (
        {Page},
        {
            StandardPage,
            PillarPage,
            NewsIndexPage,
            EventIndexPage,
            ServiceIndexPage,
            MemberDirectoryPage,
            GovernancePage,
        },
    ),
    StandardPage: ({HomePage, StandardPage}, {StandardPage, InitiativePage}),
    NewsIndexPage: ({HomePage}, {NewsPage}),
    NewsPage: ({NewsIndexPage}, set()),
    EventIndexPage: ({HomePage}, {EventPage}),
    EventPage: ({EventIndexPage}, set()),
    ServiceIndexPage: ({HomePage}, {ServicePage}),
    ServicePage: ({ServiceIndexPage}, set()),
    MemberDirectoryPage: ({HomePage}, set()),
    GovernancePage: ({HomePage}, set()),
    PillarPage: ({HomePage}, {InitiativePage}),
    InitiativePage: ({PillarPage, StandardPage}, set()),
}

# The section indexes, of which each home holds one.
ONE_PER_HOME = [
    NewsIndexPage,
    EventIndexPage,
    ServiceIndexPage,
    MemberDirectoryPage,
    GovernancePage,
]


def site_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in project_app_labels()
        and not inspect.isabstract(model)
    ]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_every_page_type_has_a_factory(self):
        self.assertEqual(set(site_page_models()), set(PAGE_FACTORIES))

    def test_every_page_type_declares_its_parents_and_children(self):
        for model in site_page_models():
            with self.subTest(model=model.__name__):
                self.assertIn("parent_page_types", model.__dict__)
                self.assertIn("subpage_types", model.__dict__)

    def test_every_page_type_lives_where_its_rules_say(self):
        self.assertEqual(set(site_page_models()), set(TREE_RULES))
        for model, (parents, children) in TREE_RULES.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)
                self.assertAllowedSubpageTypes(model, children)


class EveryPageTypeTests(BilingualSiteTestCase):
    def test_the_builder_makes_every_page_type_in_both_languages(self):
        # In the order of PAGE_FACTORIES, where each index comes before its items.
        for model in [model for model in PAGE_FACTORIES if model is not HomePage]:
            with self.subTest(model=model.__name__):
                for page in self.tree.add_twins(model):
                    self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_one_section_index_per_home(self):
        for model in ONE_PER_HOME:
            with self.subTest(model=model.__name__):
                self.assertTrue(model.can_create_at(self.tree.it_home))
                self.tree.add(model, translate=False)
                self.assertFalse(model.can_create_at(self.tree.it_home))
                self.assertTrue(model.can_create_at(self.tree.en_home))


class HomePerLocaleTests(BilingualSiteTestCase):
    with_site_content = False

    def test_each_locale_holds_its_own_home(self):
        homes = HomePage.objects.order_by("locale__language_code")
        self.assertEqual([home.locale.language_code for home in homes], ["en", "it"])
        self.assertEqual(len({home.translation_key for home in homes}), 1)

    def test_a_second_home_in_the_same_language_is_refused(self):
        second = HomePage(title="Seconda home", slug="seconda", locale=self.tree.italian)
        with (
            translation.override("it"),
            self.assertRaisesMessage(ValidationError, "ha già una home page"),
        ):
            Page.get_first_root_node().add_child(instance=second)

    def test_factory_builds_a_home_where_none_exists(self):
        HomePage.objects.filter(locale=self.tree.english).delete()
        home = PAGE_FACTORIES[HomePage](parent=Page.get_first_root_node(), locale=self.tree.english)
        self.assertEqual(home.locale.language_code, "en")


class AdminCreationTests(EditorTestCase):
    with_site_content = False

    def test_editor_creates_a_standard_page_through_the_admin_form(self):
        page = self.create_in_admin(
            self.tree.it_home,
            StandardPage,
            title="Servizi per i soci",
            slug="servizi",
            summary="Che cosa offre il Cluster ai soci.",
            body=streamfield(
                [("paragraph", rich_text("<p>Lo Sportello Europa e la ricerca partner.</p>"))]
            ),
        )
        self.assertEqual(page.locale, self.tree.italian)
        self.assertEqual(self.client.get("/it/servizi/").status_code, 200)

    def test_admin_refuses_a_page_type_in_the_wrong_place(self):
        url = reverse("wagtailadmin_pages:add", args=("home", "homepage", self.tree.it_home.pk))
        self.assertEqual(self.client.get(url).status_code, 302)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_editor_sees_admin_in_italian_by_default(self):
        html = self.page_html(reverse("wagtailadmin_home"))
        self.assertIn('lang="it"', html)


class SiteContentAdminTests(EditorTestCase):
    def test_a_second_record_for_a_language_gets_a_form_error_not_a_crash(self):
        url = reverse("wagtailsnippets_home_sitecontent:add") + "?locale=it"
        data = nested_form_data(
            {
                "footer_text": "Un altro piè di pagina",
                "address": "",
                "email": "",
                "phone": "",
                "social_links": inline_formset([]),
            }
        )
        with translation.override("it"):
            response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "ha già i suoi contenuti del sito")
        self.assertEqual(SiteContent.objects.filter(locale=self.tree.italian).count(), 1)
