"""Each field's fate under wagtail-localize, and the traps of its defaults."""

from django.apps import apps
from django.test import TestCase
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.operations import TranslationCreator

from events.models import EventIndexPage, EventPage, RegistrationQuestion
from home.models import (
    HomePage,
    Organisation,
    Person,
    SiteContent,
    StandardPage,
    Tag,
    localized_tags,
)
from members.models import GovernancePage, GoverningBody, MemberDirectoryPage
from news.models import NewsIndexPage, NewsPage
from pillars.models import InitiativePage, PillarPage
from services.models import ServiceFormField, ServiceIndexPage, ServicePage
from tests.factories import ImageFactory
from tests.project import project_app_labels
from tests.sites import BilingualSiteTestCase

TRANSLATE, OVERRIDE, SYNCHRONISE, PER_LANGUAGE = (
    "translate",
    "override",
    "synchronise",
    "per-language",
)

PAGE_FIELDS = {
    "title": TRANSLATE,
    "slug": TRANSLATE,
    "seo_title": TRANSLATE,
    "search_description": TRANSLATE,
    "summary": TRANSLATE,
    "image": OVERRIDE,
    "image_alt": TRANSLATE,
    "show_in_menus": PER_LANGUAGE,
    "go_live_at": PER_LANGUAGE,
    "expire_at": PER_LANGUAGE,
}

DECISIONS = {
    HomePage: {**PAGE_FIELDS, "body": TRANSLATE},
    StandardPage: {**PAGE_FIELDS, "body": TRANSLATE},
    SiteContent: {
        "footer_text": TRANSLATE,
        "address": TRANSLATE,
        "email": OVERRIDE,
        "phone": OVERRIDE,
        "social_links": OVERRIDE,
        "footer_links": SYNCHRONISE,
        # Scheduling of the moderated snippets is decided per language.
        "go_live_at": PER_LANGUAGE,
        "expire_at": PER_LANGUAGE,
    },
    PillarPage: {**PAGE_FIELDS, "aims": TRANSLATE, "body": TRANSLATE},
    InitiativePage: {
        **PAGE_FIELDS,
        "aims": TRANSLATE,
        "start_year": SYNCHRONISE,
        "end_year": SYNCHRONISE,
        "status": SYNCHRONISE,
        "contact": SYNCHRONISE,
        "body": TRANSLATE,
        "partners": SYNCHRONISE,
        "related_pages": SYNCHRONISE,
    },
    ServiceIndexPage: {**PAGE_FIELDS, "body": TRANSLATE},
    # Notification addresses never reach translators; form labels do, keys do not.
    ServicePage: {
        **PAGE_FIELDS,
        "audience": TRANSLATE,
        "how_it_works": TRANSLATE,
        "body": TRANSLATE,
        "form_intro": TRANSLATE,
        "thank_you_text": TRANSLATE,
        "subject": TRANSLATE,
        "form_fields": TRANSLATE,
        "to_address": SYNCHRONISE,
        "from_address": SYNCHRONISE,
        "privacy_page": SYNCHRONISE,
    },
    ServiceFormField: {
        "label": TRANSLATE,
        "help_text": TRANSLATE,
        "choices": TRANSLATE,
        "default_value": TRANSLATE,
        "field_type": SYNCHRONISE,
        "required": SYNCHRONISE,
        "clean_name": SYNCHRONISE,
        "page": PER_LANGUAGE,  # the ParentalKey: each language its own page
    },
    RegistrationQuestion: {
        "label": TRANSLATE,
        "help_text": TRANSLATE,
        "choices": TRANSLATE,
        "default_value": TRANSLATE,
        "field_type": SYNCHRONISE,
        "required": SYNCHRONISE,
        "clean_name": SYNCHRONISE,
        "page": PER_LANGUAGE,
    },
    # A tag's slug is not editable: each language derives it from its own name.
    Tag: {"name": TRANSLATE},
    # Membership facts follow the Italian record (and the directory reads them
    # there); only the description and the logo's alt text are words. The name
    # is a proper name, overridden only where there is an official English one.
    Organisation: {
        "name": OVERRIDE,
        "description": TRANSLATE,
        "logo_alt": TRANSLATE,
        "slug": SYNCHRONISE,
        "kind": SYNCHRONISE,
        "member_type": SYNCHRONISE,
        "sector": SYNCHRONISE,
        "province": SYNCHRONISE,
        "city": SYNCHRONISE,
        "joined_year": SYNCHRONISE,
        "public_email": SYNCHRONISE,
        "listed": SYNCHRONISE,
        "member_pillars": SYNCHRONISE,
        "website": OVERRIDE,
        "logo": OVERRIDE,
        "go_live_at": PER_LANGUAGE,
        "expire_at": PER_LANGUAGE,
    },
    # A person's name is a proper name; the role is translated, the affiliation
    # points at the organisation of the same language.
    Person: {
        "name": OVERRIDE,
        "role": TRANSLATE,
        "affiliation": TRANSLATE,
        "photo": OVERRIDE,
        "go_live_at": PER_LANGUAGE,
        "expire_at": PER_LANGUAGE,
    },
    NewsIndexPage: PAGE_FIELDS,
    # The "Become a member" link follows the source and is shown in the page's language.
    MemberDirectoryPage: {**PAGE_FIELDS, "membership_page": SYNCHRONISE},
    GovernancePage: {**PAGE_FIELDS, "body": TRANSLATE},
    # A body's name and description are words; its place on the page and its
    # terms of office (people, roles, organisations, dates) are facts of the
    # Italian record, which the governance page reads in every language.
    GoverningBody: {
        "name": TRANSLATE,
        "description": TRANSLATE,
        "sort_order": SYNCHRONISE,
        "terms": SYNCHRONISE,
        "go_live_at": PER_LANGUAGE,
        "expire_at": PER_LANGUAGE,
    },
    NewsPage: {
        **PAGE_FIELDS,
        "body": TRANSLATE,
        "date": OVERRIDE,
        # The relation follows the source; each tag's name is translated with the
        # page and becomes the English tag (home.models.translate_page_tags).
        "tags": TRANSLATE,
        "tagged_items": SYNCHRONISE,
        "related_pages": SYNCHRONISE,
        "pillar_links": SYNCHRONISE,
        "mentioned_organisations": SYNCHRONISE,
    },
    EventIndexPage: PAGE_FIELDS,
    EventPage: {
        **PAGE_FIELDS,
        "registration_mode": SYNCHRONISE,
        "privacy_page": SYNCHRONISE,
        "registration_message": TRANSLATE,
        "registration_questions": TRANSLATE,
        "start_date": SYNCHRONISE,
        "start_time": SYNCHRONISE,
        "end_date": SYNCHRONISE,
        "end_time": SYNCHRONISE,
        "status": SYNCHRONISE,
        "attendance_mode": SYNCHRONISE,
        "venue_name": TRANSLATE,
        "venue_address": OVERRIDE,
        "venue_city": TRANSLATE,
        "venue_country": TRANSLATE,
        "online_url": OVERRIDE,
        "registration_url": OVERRIDE,
        "registration_deadline": SYNCHRONISE,
        "programme": TRANSLATE,
        "body": TRANSLATE,
        "tags": TRANSLATE,
        "tagged_items": SYNCHRONISE,
        "organisers": SYNCHRONISE,
        "pillar_links": SYNCHRONISE,
    },
}

PAGE_INTERNALS = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "content_type",
    "url_path",
    "alias_of",
    "latest_revision_created_at",
    "page_ptr",
}


def decision(field):
    if isinstance(field, TranslatableField):
        return TRANSLATE
    return OVERRIDE if field.is_overridable(None) else SYNCHRONISE


def own_fields(model):
    """Editable fields and child relations an editor can set on `model`."""
    names = set()
    child_relations = get_all_child_relations(model) if issubclass(model, ClusterableModel) else []
    for field in model._meta.get_fields():
        if field.name in PAGE_INTERNALS or field.name.startswith(("wagtail_", "index_entries")):
            continue
        if field in child_relations:
            names.add(field.name)
            continue
        if field.auto_created or getattr(field, "editable", True) is False:
            continue
        names.add(field.name)
    return names


class FieldDecisionTests(TestCase):
    def test_every_translatable_model_has_its_decisions(self):
        translatable = {
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin)
            and model._meta.app_label in project_app_labels()
        }
        self.assertEqual(translatable, set(DECISIONS))

    def test_every_field_has_a_decision(self):
        for model, expected in DECISIONS.items():
            with self.subTest(model=model.__name__):
                self.assertEqual(own_fields(model) - {"translation_key"}, set(expected))

    def test_wagtail_localize_applies_the_decisions(self):
        for model, expected in DECISIONS.items():
            with self.subTest(model=model.__name__):
                actual = {f.field_name: decision(f) for f in get_translatable_fields(model)}
                wanted = {name: fate for name, fate in expected.items() if fate != PER_LANGUAGE}
                self.assertEqual(actual, wanted)


class TranslationBehaviourTests(BilingualSiteTestCase):
    def test_no_alias_of_the_italian_tree_appears_in_english(self):
        english_pages = Page.objects.filter(locale=self.tree.english).count()
        self.tree.add(StandardPage, title="Servizi", slug="servizi", translate=False)
        self.assertEqual(Page.objects.filter(locale=self.tree.english).count(), english_pages)
        self.assertFalse(Page.objects.filter(alias_of__isnull=False).exists())
        self.assertFalse(LocaleSynchronization.objects.exists())
        self.assertEqual(self.client.get("/en/servizi/").status_code, 404)

    def test_a_new_translation_stays_a_draft(self):
        page = self.tree.add(StandardPage, title="Servizi", slug="servizi", translate=False)
        self.assertTrue(page.live)
        TranslationCreator(user=None, target_locales=[self.tree.english]).create_translations(page)
        translation = page.get_translation(self.tree.english)
        self.assertFalse(translation.live)
        self.assertEqual(self.client.get(translation.get_url()).status_code, 404)

    def test_english_page_shows_english_alt_text_never_the_italian_description(self):
        image = ImageFactory(description="Ricercatrice al microscopio")
        page = self.tree.add(
            StandardPage, title="Laboratori", slug="laboratori", image=image, translate=False
        )
        self.assertEqual(page.image_alt, "Ricercatrice al microscopio")
        translated = self.tree.translate(page)
        self.assertHtmlContains(
            self.page_html(translated.get_url()),
            present=['alt="Researcher at a microscope"'],
            absent=["microscopio"],
        )

    def test_menus_are_kept_per_language(self):
        self.tree.en_about.show_in_menus = False
        self.tree.en_about.save()
        self.tree.translate(self.tree.it_about)
        self.tree.en_about.refresh_from_db()
        self.assertFalse(self.tree.en_about.show_in_menus)
        self.assertNotIn("About us", self.page_html("/en/"))
        self.assertIn("Chi siamo", self.page_html("/it/"))

    def test_contacts_follow_the_source_and_texts_are_translated(self):
        italian = SiteContent.objects.get(locale=self.tree.italian)
        italian.email = "segreteria@clls.example"
        italian.save()
        self.tree.translate(italian)
        english_content = SiteContent.objects.get(locale=self.tree.english)
        self.assertEqual(english_content.email, "segreteria@clls.example")
        self.assertEqual(english_content.footer_text, "The life-sciences association of Lombardy.")

    def test_english_footer_never_falls_back_to_italian(self):
        SiteContent.objects.filter(locale=self.tree.english).delete()
        self.assertHtmlContains(
            self.page_html("/en/"),
            absent=["Associazione delle scienze della vita", "info@clls.example"],
        )


class TagTests(BilingualSiteTestCase):
    with_site_content = False

    def test_tags_typed_in_the_editor_are_italian_with_a_slug(self):
        tag = Tag.objects.create(name="Open Innovation")
        self.assertEqual(tag.locale, self.tree.italian)
        self.assertEqual(tag.slug, "open-innovation")

    def test_translated_tag_gets_its_own_name_and_slug(self):
        tag = self.tree.add_tag("Ricerca clinica")
        translated = self.tree.english_of(tag)
        self.assertEqual(
            (translated.name, translated.slug), ("Clinical research", "clinical-research")
        )
        self.assertEqual(translated.translation_key, tag.translation_key)

    def test_same_name_may_exist_in_both_languages(self):
        tag = self.tree.add_tag("Open Innovation")
        translated = self.tree.english_of(tag)
        self.assertEqual(translated.slug, tag.slug)

    def test_localized_tags_show_the_page_language_and_hide_untranslated_ones(self):
        translated = self.tree.add_tag("Neuroscienze")
        untranslated = self.tree.add_tag("Cronicità", translate=False)
        with self.assertNumQueries(1):
            shown = localized_tags([translated, untranslated], self.tree.english)
        self.assertEqual([tag.name for tag in shown], ["Neuroscience"])
        italian = localized_tags([translated, untranslated], self.tree.italian)
        self.assertEqual([tag.name for tag in italian], ["Neuroscienze", "Cronicità"])
