"""Pillars and initiatives: what the cluster does, gathered from news and events."""

import datetime

from wagtail.test.utils.form_data import rich_text

from events.models import EventPage
from news.models import NewsPage
from pillars.models import InitiativePage, InitiativePartner, PillarPage
from services.models import ServicePage
from tests.admin import EditorTestCase, page_form
from tests.factories import OrganisationFactory, PersonFactory
from tests.queries import assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase


def add_pillars(tree):
    """The pillars Ricerca and Visibilità, in both languages."""
    return (
        tree.add(PillarPage, title="Ricerca", slug="ricerca"),
        tree.add(PillarPage, title="Visibilità", slug="visibilita"),
    )


class PillarPageTests(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.research, cls.visibility = add_pillars(cls.tree)
        research, visibility = cls.research, cls.visibility
        # News and coming events of each pillar, a past event, a news item in Italian only.
        for model, pillar, fields in [
            (NewsPage, research, {"title": "Biobanche", "date": datetime.date(2018, 7, 9)}),
            (NewsPage, visibility, {"title": "Comunicazione", "date": datetime.date(2018, 8, 1)}),
            (EventPage, research, {"title": "Workshop", "start_date": datetime.date(2040, 1, 10)}),
            (EventPage, visibility, {"title": "Fiera", "start_date": datetime.date(2040, 2, 10)}),
            (EventPage, research, {"title": "Passato", "start_date": datetime.date(2018, 2, 10)}),
        ]:
            cls.tree.add(model, pillars=[pillar], **fields)
        cls.tree.add(
            NewsPage,
            pillars=[research],
            title="Solo italiano",
            date=datetime.date(2018, 9, 1),
            translate=False,
        )
        cls.tree.add(
            InitiativePage, parent=cls.research, title="Rete di biobanche", start_year=2018
        )

    def test_pillar_gathers_its_own_news_and_coming_events_in_its_language(self):
        italian = self.page_html("/it/ricerca/")
        self.assertIn("Biobanche", italian)
        self.assertIn("Solo italiano", italian)
        self.assertIn("Workshop", italian)
        self.assertNotIn("Comunicazione", italian)
        self.assertNotIn("Fiera", italian)
        self.assertNotIn("Passato", italian)
        self.assertIn("Rete di biobanche", italian)
        english_html = self.page_html(self.tree.english_of(self.research).url)
        self.assertIn("Biobanks", english_html)
        self.assertIn("EN Workshop", english_html)
        self.assertIn("EN Rete di biobanche", english_html)
        self.assertNotIn("Solo italiano", english_html)
        self.assertNotIn("EN Comunicazione", english_html)

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

        assert_queries_do_not_grow(self, ["/it/ricerca/"], add)


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
        italian = self.page_html(sheet.url)
        self.assertIn("Dal 2018, in corso", italian)
        self.assertIn("Non ancora definito", italian)
        self.assertIn("Regione Lombardia", italian)
        html = self.page_html(english_sheet.url)
        self.assertIn("From 2018, ongoing", html)
        self.assertIn("Anna Rossi, Coordinator", html)
        self.assertIn("Regione Lombardia", html)


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
    def setUpTestData(cls):
        super().setUpTestData()
        cls.research, _visibility = add_pillars(cls.tree)
        cls.tree.add(ServicePage, title="Sportello Europa", translate=False)

    def test_home_shows_the_pillars_and_the_services(self):
        html = self.page_html("/it/")
        self.assertIn('<a href="/it/ricerca/">Ricerca</a>', html)
        self.assertIn('<a href="/it/visibilita/">Visibilità</a>', html)
        self.assertIn("Sportello Europa", html)
        english_html = self.page_html("/en/")
        english_pillar = self.tree.english_of(self.research)
        self.assertIn(f'<a href="{english_pillar.url}">EN Ricerca</a>', english_html)
        self.assertNotIn("Sportello Europa", english_html)  # not translated yet
