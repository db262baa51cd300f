"""Pillars and initiatives: what the cluster does, gathered from news and events."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPagePillar
from home.localization import translate_object
from home.models import HomePage
from news.models import NewsPage, NewsPagePillar
from pillars.models import InitiativePage, InitiativePartner, PillarPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    InitiativePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    PersonFactory,
    PillarPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
)
from tests.sites import build_bilingual_site, english


class PillarTreeRulesTests(WagtailPageTestCase):
    def test_pillars_live_under_a_home_and_hold_initiatives(self):
        self.assertAllowedParentPageTypes(PillarPage, {HomePage})
        self.assertAllowedSubpageTypes(PillarPage, {InitiativePage})
        self.assertAllowedParentPageTypes(InitiativePage, {PillarPage})
        self.assertAllowedSubpageTypes(InitiativePage, set())


class PillarTreeMixin:
    @classmethod
    def build_pillar_tree(cls):
        cls.tree = build_bilingual_site()
        cls.research = PillarPageFactory(parent=cls.tree.it_home, title="Ricerca", slug="ricerca")
        cls.visibility = PillarPageFactory(
            parent=cls.tree.it_home, title="Visibilità", slug="visibilita"
        )
        for pillar in (cls.research, cls.visibility):
            translate_object(pillar, cls.tree.english, english)
        cls.news_index = NewsIndexPageFactory(parent=cls.tree.it_home)
        translate_object(cls.news_index, cls.tree.english, english)
        cls.event_index = EventIndexPageFactory(parent=cls.tree.it_home)
        translate_object(cls.event_index, cls.tree.english, english)

    @classmethod
    def add_news(cls, pillar, translate=True, **fields):
        item = NewsPageFactory(parent=cls.news_index, **fields)
        NewsPagePillar.objects.create(news_page=item, pillar=pillar)
        if translate:
            translate_object(item, cls.tree.english, english)
        return item

    @classmethod
    def add_event(cls, pillar, translate=True, **fields):
        event = EventPageFactory(parent=cls.event_index, **fields)
        EventPagePillar.objects.create(event=event, pillar=pillar)
        if translate:
            translate_object(event, cls.tree.english, english)
        return event


class PillarPageTests(PillarTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_pillar_tree()
        cls.add_news(cls.research, title="Biobanche", date=datetime.date(2018, 7, 9))
        cls.add_news(cls.visibility, title="Comunicazione", date=datetime.date(2018, 8, 1))
        cls.add_news(
            cls.research, title="Solo italiano", translate=False, date=datetime.date(2018, 9, 1)
        )
        cls.add_event(cls.research, title="Workshop", start_date=datetime.date(2040, 1, 10))
        cls.add_event(cls.visibility, title="Fiera", start_date=datetime.date(2040, 2, 10))
        cls.add_event(cls.research, title="Passato", start_date=datetime.date(2018, 2, 10))
        cls.initiative = InitiativePageFactory(
            parent=cls.research, title="Rete di biobanche", start_year=2018
        )
        translate_object(cls.initiative, cls.tree.english, english)

    def test_pillar_gathers_its_own_news_and_coming_events_in_its_language(self):
        italian = self.client.get("/it/ricerca/").content.decode()
        self.assertIn("Biobanche", italian)
        self.assertIn("Solo italiano", italian)
        self.assertIn("Workshop", italian)
        self.assertNotIn("Comunicazione", italian)
        self.assertNotIn("Fiera", italian)
        self.assertNotIn("Passato", italian)
        self.assertIn("Rete di biobanche", italian)
        english_html = self.client.get(
            self.research.get_translation(self.tree.english).url
        ).content.decode()
        self.assertIn("EN Biobanche", english_html)
        self.assertIn("EN Workshop", english_html)
        self.assertIn("EN Rete di biobanche", english_html)
        self.assertNotIn("Solo italiano", english_html)
        self.assertNotIn("EN Comunicazione", english_html)

    def test_news_item_names_its_pillars_in_its_language(self):
        english_pillar = self.research.get_translation(self.tree.english)
        english_item = NewsPage.objects.get(title="EN Biobanche")
        html = self.client.get(english_item.url).content.decode()
        self.assertIn(f'<a href="{english_pillar.url}">EN Ricerca</a>', html)

    def test_pillar_page_queries_do_not_grow(self):
        def count():
            self.client.get("/it/ricerca/")
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get("/it/ricerca/").status_code, 200)
            return len(queries)

        self.add_news(self.research, translate=False)
        self.add_event(self.research, translate=False, start_date=datetime.date(2041, 1, 1))
        InitiativePageFactory(parent=self.research)
        small = count()
        for number in range(10):
            self.add_news(self.research, translate=False)
            self.add_event(
                self.research, translate=False, start_date=datetime.date(2041, 2, 1 + number)
            )
            InitiativePageFactory(parent=self.research)
        self.assertEqual(count(), small)


class InitiativeTests(PillarTreeMixin, WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_pillar_tree()
        cls.editor = get_user_model().objects.create_superuser("redazione", "r@clls.example", "pw")

    def test_initiative_sheet_in_both_languages(self):
        partner = OrganisationFactory(name="Regione Lombardia")
        contact = PersonFactory(name="Anna Rossi", role="Coordinatrice")
        translate_object(contact, self.tree.english, {"Coordinatrice": "Coordinator"}.get)
        sheet = InitiativePageFactory(
            parent=self.research, title="Cronicità", start_year=2018, contact=contact
        )
        InitiativePartner.objects.create(initiative=sheet, organisation=partner)
        english_sheet = translate_object(sheet, self.tree.english, english)
        italian = self.client.get(sheet.url).content.decode()
        self.assertIn("Dal 2018, in corso", italian)
        self.assertIn("Non ancora definito", italian)
        self.assertIn("Regione Lombardia", italian)
        html = self.client.get(english_sheet.url).content.decode()
        self.assertIn("From 2018, ongoing", html)
        self.assertIn("Anna Rossi, Coordinator", html)
        self.assertIn("Regione Lombardia", html)

    def test_editor_creates_pillar_and_initiative_with_period_validation(self):
        self.client.force_login(self.editor)
        self.assertCanCreate(
            self.tree.it_home,
            PillarPage,
            nested_form_data(
                {
                    "title": "Community",
                    "slug": "community",
                    "summary": "",
                    "image_alt": "",
                    "aims": rich_text("<p>Far crescere la community.</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        pillar = PillarPage.objects.get(slug="community")
        data = {
            "title": "Scheda",
            "slug": "scheda",
            "summary": "",
            "image_alt": "",
            "aims": rich_text(""),
            "start_year": "2019",
            "end_year": "2018",
            "status": "",
            "contact": "",
            "body": streamfield([]),
            "partners": inline_formset([]),
            "related_pages": inline_formset([]),
        }
        response = self.client.post(
            f"/admin/pages/add/pillars/initiativepage/{pillar.pk}/", nested_form_data(data)
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(InitiativePage.objects.filter(slug="scheda").exists())
        data["end_year"] = ""
        self.assertCanCreate(pillar, InitiativePage, nested_form_data(data))


class HomeSectionsTests(PillarTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_pillar_tree()
        services = ServiceIndexPageFactory(parent=cls.tree.it_home)
        ServicePageFactory(parent=services, title="Sportello Europa")
        translate_object(services, cls.tree.english, english)

    def test_home_shows_the_pillars_and_the_services(self):
        html = self.client.get("/it/").content.decode()
        self.assertIn('<a href="/it/ricerca/">Ricerca</a>', html)
        self.assertIn('<a href="/it/visibilita/">Visibilità</a>', html)
        self.assertIn("Sportello Europa", html)
        english_html = self.client.get("/en/").content.decode()
        english_pillar = self.research.get_translation(self.tree.english)
        self.assertIn(f'<a href="{english_pillar.url}">EN Ricerca</a>', english_html)
        self.assertNotIn("Sportello Europa", english_html)  # not translated yet
