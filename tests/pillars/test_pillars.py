"""Pillars and initiatives: what the cluster does, gathered from news and events."""

import datetime

from wagtail.test.utils.form_data import rich_text

from events.models import EventPage
from home.models import StandardPage
from news.models import NewsPage
from pillars.models import InitiativePage, InitiativePartner, PillarPage
from services.models import ServicePage
from tests.admin import EditorTestCase, page_form
from tests.factories import OrganisationFactory, PersonFactory
from tests.queries import INDEX_BUDGET, assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase


def add_pillars(tree):
    """The pillars Ricerca and Visibilità, in both languages."""
    return (
        tree.add(PillarPage, title="Ricerca", slug="ricerca"),
        tree.add(PillarPage, title="Visibilità", slug="visibilita"),
    )


class PillarPageTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.research, cls.visibility = add_pillars(tree)
        research, visibility = cls.research, cls.visibility
        # News and coming events of each pillar, a past event, a news item in Italian only.
        for model, pillar, fields in [
            (NewsPage, research, {"title": "Biobanche", "date": datetime.date(2018, 7, 9)}),
            (NewsPage, visibility, {"title": "Comunicazione", "date": datetime.date(2018, 8, 1)}),
            (EventPage, research, {"title": "Workshop", "start_date": datetime.date(2040, 1, 10)}),
            (EventPage, visibility, {"title": "Fiera", "start_date": datetime.date(2040, 2, 10)}),
            (EventPage, research, {"title": "Passato", "start_date": datetime.date(2018, 2, 10)}),
        ]:
            tree.add(model, pillars=[pillar], **fields)
        tree.add(
            NewsPage,
            pillars=[research],
            title="Solo italiano",
            date=datetime.date(2018, 9, 1),
            translate=False,
        )
        tree.add(InitiativePage, parent=cls.research, title="Rete di biobanche", start_year=2018)

    def test_pillar_gathers_its_own_news_and_coming_events_in_its_language(self):
        self.assertHtmlContains(
            self.page_html("/it/ricerca/"),
            present=["Biobanche", "Solo italiano", "Workshop", "Rete di biobanche"],
            absent=["Comunicazione", "Fiera", "Passato"],
        )
        self.assertHtmlContains(
            self.page_html(self.tree.english_of(self.research).url),
            present=["Biobanks", "EN Workshop", "EN Rete di biobanche"],
            absent=["Solo italiano", "EN Comunicazione"],
        )

    def test_news_item_names_its_pillars_in_its_language(self):
        english_pillar = self.tree.english_of(self.research)
        english_item = NewsPage.objects.get(title="Biobanks")
        html = self.page_html(english_item.url)
        self.assertIn(f'<a href="{english_pillar.url}">EN Ricerca</a>', html)

    def test_pillar_page_queries_do_not_grow(self):
        def add(number):
            self.tree.add(NewsPage, pillars=[self.research], translate=False)
            self.tree.add(
                EventPage,
                pillars=[self.research],
                start_date=datetime.date(2041, 1, 1) + datetime.timedelta(days=number),
                translate=False,
            )
            self.tree.add(InitiativePage, parent=self.research, translate=False)

        assert_queries_do_not_grow(
            self, ["/it/ricerca/"], add, ceilings={"/it/ricerca/": INDEX_BUDGET}
        )


class InitiativeTests(BilingualSiteTestCase):
    def test_initiative_sheet_in_both_languages(self):
        research, _visibility = add_pillars(self.tree)
        partner = OrganisationFactory(name="Regione Lombardia")
        contact = PersonFactory(name="Anna Rossi", role="Coordinatrice")
        self.tree.translate(contact)
        sheet = self.tree.add(
            InitiativePage,
            parent=research,
            title="Cronicità",
            start_year=2018,
            contact=contact,
            translate=False,
        )
        InitiativePartner.objects.create(initiative=sheet, organisation=partner)
        english_sheet = self.tree.translate(sheet)
        # Only the facts that are set: no status, and no end the sheet does not give.
        self.assertHtmlContains(
            self.page_html(sheet.url),
            present=["Dal 2018", "Regione Lombardia"],
            absent=["in corso", "Non ancora definito", "Stato"],
        )
        self.assertHtmlContains(
            self.page_html(english_sheet.url),
            present=["From 2018", "Anna Rossi, Coordinator", "Regione Lombardia"],
            absent=["ongoing", "Not set yet", "Status"],
        )

    def test_initiative_without_a_pillar_shows_no_empty_facts(self):
        actions = self.tree.add(StandardPage, title="Le azioni del piano", translate=False)
        sheet = self.tree.add(
            InitiativePage, parent=actions, title="Comunicazione", translate=False
        )
        html = self.page_html(sheet.url)
        self.assertHtmlContains(
            html,
            present=["Le azioni del piano", "Comunicazione"],
            absent=["Periodo", "Stato", "Non ancora definito", 'class="event__facts"'],
        )
        self.assertHtmlContains(self.page_html(actions.url), present=["Comunicazione"])


class PillarAdminTests(EditorTestCase):
    def test_editor_creates_pillar_and_initiative_with_period_validation(self):
        pillar = self.create_in_admin(
            self.tree.it_home,
            PillarPage,
            title="Community",
            slug="community",
            aims=rich_text("<p>Far crescere la community.</p>"),
        )
        data = {"title": "Scheda", "slug": "scheda", "start_year": "2019", "end_year": "2018"}
        response = self.client.post(
            f"/admin/pages/add/pillars/initiativepage/{pillar.pk}/",
            page_form(InitiativePage, **data),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(InitiativePage.objects.filter(slug="scheda").exists())
        self.create_in_admin(pillar, InitiativePage, **(data | {"end_year": ""}))


class HomeSectionsTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.research, _visibility = add_pillars(tree)
        tree.add(ServicePage, title="Sportello Europa", translate=False)

    def test_home_shows_the_pillars_and_the_services(self):
        self.assertHtmlContains(
            self.page_html("/it/"),
            present=[
                '<a href="/it/ricerca/">Ricerca</a>',
                '<a href="/it/visibilita/">Visibilità</a>',
                "Sportello Europa",
            ],
        )
        english_pillar = self.tree.english_of(self.research)
        self.assertHtmlContains(
            self.page_html("/en/"),
            present=[f'<a href="{english_pillar.url}">EN Ricerca</a>'],
            absent=["Sportello Europa"],  # not translated yet
        )
