"""Events as visitors find, read and put them in their calendars, in both languages."""

import datetime
import json
import re
import zoneinfo

import time_machine
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventOrganiser, EventPage
from home.formats import date_range
from home.localization import translate_object
from home.models import HomePage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.queries import query_count
from tests.sites import build_bilingual_site, english

ROME = zoneinfo.ZoneInfo("Europe/Rome")
UTC = datetime.UTC


def at(*args):
    """A moment in Rome, for time_machine."""
    return datetime.datetime(*args, tzinfo=ROME)


EVENT_ENGLISH = {
    "Eventi": "Events",
    "eventi": "events",
    "Gli eventi del Cluster.": "The Cluster's events.",
    "Milano": "Milan",
    "Italia": "Italy",
    "Bologna": "Bologna",
}


def to_english(text):
    return EVENT_ENGLISH.get(text) or english(text)


class EventTreeMixin:
    @classmethod
    def build_event_tree(cls):
        cls.tree = build_bilingual_site()
        cls.it_index = EventIndexPageFactory(parent=cls.tree.it_home, show_in_menus=True)
        cls.en_index = translate_object(cls.it_index, cls.tree.english, to_english)

    @classmethod
    def add_event(cls, *, translate=True, **fields):
        event = EventPageFactory(parent=cls.it_index, **fields)
        if translate:
            translate_object(event, cls.tree.english, to_english)
        return event


def card_titles(html, level=3):
    return re.findall(rf'<h{level} class="card__title"><a href="[^"]+">([^<]+)</a>', html)


class EventTreeRulesTests(WagtailPageTestCase):
    def test_index_lives_under_a_home_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_one_event_index_per_home(self):
        tree = build_bilingual_site()
        EventIndexPageFactory(parent=tree.it_home)
        self.assertFalse(EventIndexPage.can_create_at(tree.it_home))
        self.assertTrue(EventIndexPage.can_create_at(tree.en_home))


class EventAdminTests(EventTreeMixin, WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_event_tree()
        cls.editor = get_user_model().objects.create_superuser("redazione", "r@clls.example", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def form(self, **fields):
        data = {
            "title": "Workshop sulle biobanche",
            "slug": "workshop-biobanche",
            "start_date": "2030-03-10",
            "start_time": "",
            "end_date": "",
            "end_time": "",
            "status": "scheduled",
            "attendance_mode": "in_person",
            "venue_name": "",
            "venue_address": "",
            "venue_city": "Milano",
            "venue_country": "Italia",
            "online_url": "",
            "registration_url": "",
            "registration_deadline": "",
            "summary": "Un workshop.",
            "image_alt": "",
            "organisers": inline_formset([]),
            "pillar_links": inline_formset([]),
            "programme": streamfield([]),
            "body": streamfield([]),
            "tags": "",
        }
        data.update(fields)
        return nested_form_data(data)

    def test_editor_creates_an_all_day_event(self):
        self.assertCanCreate(self.it_index, EventPage, self.form())
        event = EventPage.objects.get(slug="workshop-biobanche")
        self.assertEqual(event.starts_at, at(2030, 3, 10))
        self.assertEqual(event.ends_at, at(2030, 3, 11))

    def test_an_end_before_the_start_is_refused_with_a_clear_message(self):
        url = f"/admin/pages/add/events/eventpage/{self.it_index.pk}/"
        with translation.override("it"):
            response = self.client.post(url, self.form(end_date="2030-03-09"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "L&#x27;evento non può finire prima di cominciare.")
        with translation.override("it"):
            response = self.client.post(url, self.form(start_time="10:00", end_time="09:00"))
        self.assertContains(response, "L&#x27;evento non può finire prima di cominciare.")
        with translation.override("it"):
            response = self.client.post(url, self.form(end_time="09:00"))
        self.assertContains(response, "Indica anche l&#x27;ora di inizio")
        self.assertFalse(EventPage.objects.filter(slug="workshop-biobanche").exists())


class EventSpanTests(TestCase):
    def test_timed_event_is_stored_in_rome_time(self):
        event = EventPage(
            start_date=datetime.date(2018, 10, 10),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(13, 0),
        )
        start, end = event.compute_span()
        self.assertEqual(start.astimezone(UTC), datetime.datetime(2018, 10, 10, 7, 30, tzinfo=UTC))
        self.assertEqual(end.astimezone(UTC), datetime.datetime(2018, 10, 10, 11, 0, tzinfo=UTC))

    def test_dates_read_as_visitors_write_them(self):
        cases = [
            (
                (datetime.date(2018, 10, 10), datetime.date(2018, 10, 12)),
                "10–12 ottobre 2018",
                "10–12 October 2018",
            ),
            (
                (datetime.date(2018, 9, 30), datetime.date(2018, 10, 2)),
                "30 settembre – 2 ottobre 2018",
                "30 September – 2 October 2018",
            ),
            (
                (datetime.date(2018, 10, 10), None, datetime.time(9, 30), datetime.time(13)),
                "10 ottobre 2018, 9:30–13:00",
                "10 October 2018, 9:30–13:00",
            ),
        ]
        for args, italian, english_text in cases:
            with translation.override("it"):
                self.assertEqual(date_range(*args), italian)
            with translation.override("en"):
                self.assertEqual(date_range(*args), english_text)


class EventListingTests(EventTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_event_tree()
        cls.past_2018 = cls.add_event(
            title="Meet in Italy",
            start_date=datetime.date(2018, 10, 10),
            end_date=datetime.date(2018, 10, 12),
        )
        cls.past_2019 = cls.add_event(title="Community 2019", start_date=datetime.date(2019, 5, 6))
        cls.ongoing = cls.add_event(
            title="Settimana della ricerca",
            start_date=datetime.date(2026, 11, 27),
            end_date=datetime.date(2026, 11, 29),
        )
        cls.later = cls.add_event(
            title="Webinar",
            start_date=datetime.date(2027, 1, 15),
            start_time=datetime.time(15),
            end_time=datetime.time(16),
            attendance_mode="online",
            online_url="https://meet.example/clls",
        )
        cls.sooner = cls.add_event(title="Workshop", start_date=datetime.date(2026, 12, 3))
        cls.italian_only = cls.add_event(
            title="Solo italiano", start_date=datetime.date(2026, 12, 20), translate=False
        )

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_upcoming_events_soonest_first_with_those_in_progress(self):
        html = self.client.get("/it/eventi/").content.decode()
        self.assertEqual(
            card_titles(html), ["Settimana della ricerca", "Workshop", "Solo italiano", "Webinar"]
        )
        self.assertIn("In corso", html)
        english_html = self.client.get("/en/events/").content.decode()
        self.assertEqual(
            card_titles(english_html), ["EN Settimana della ricerca", "EN Workshop", "EN Webinar"]
        )
        self.assertIn("Happening now", english_html)
        self.assertIn("27–29 November 2026", english_html)
        self.assertIn("15 January 2027, 15:00–16:00", english_html)

    @time_machine.travel(at(2026, 11, 30, 0, 0), tick=False)
    def test_an_event_leaves_the_upcoming_list_when_it_ends(self):
        html = self.client.get("/it/eventi/").content.decode()
        self.assertNotIn("Settimana della ricerca", card_titles(html))
        self.assertIn(
            "Settimana della ricerca",
            card_titles(self.client.get("/it/eventi/2026/").content.decode()),
        )

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_archive_by_year_newest_first(self):
        html = self.client.get("/en/events/").content.decode()
        self.assertIn('href="/en/events/2019/"', html)
        self.assertIn('href="/en/events/2018/"', html)
        self.assertLess(
            html.index('href="/en/events/2019/"'), html.index('href="/en/events/2018/"')
        )
        self.assertEqual(
            card_titles(self.client.get("/en/events/2018/").content.decode()), ["EN Meet in Italy"]
        )
        empty = self.client.get("/it/eventi/2015/").content.decode()
        self.assertIn("Nessun evento passato per questo anno.", empty)

    @time_machine.travel(at(2030, 1, 1), tick=False)
    def test_empty_upcoming_list_invites_to_the_archive(self):
        html = self.client.get("/en/events/").content.decode()
        self.assertIn("No events are coming up at the moment.", html)
        self.assertIn('href="/en/events/2027/"', html)
        self.assertIn(
            "Al momento non ci sono eventi in arrivo.",
            self.client.get("/it/eventi/").content.decode(),
        )
        home = self.client.get("/en/").content.decode()
        self.assertIn("See the past events in the archive", home)

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_bad_page_numbers(self):
        for raw in ["", "abc", "0", "-3"]:
            with self.subTest(page=raw):
                self.assertEqual(self.client.get("/it/eventi/", {"page": raw}).status_code, 200)
        self.assertEqual(self.client.get("/it/eventi/", {"page": "40"}).status_code, 404)
        self.assertEqual(self.client.get("/it/eventi/0999/").status_code, 404)

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_home_shows_the_next_three_events_of_its_language(self):
        html = self.client.get("/en/").content.decode()
        self.assertEqual(
            card_titles(html), ["EN Settimana della ricerca", "EN Workshop", "EN Webinar"]
        )


class EventPageTests(EventTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_event_tree()
        cls.organiser = OrganisationFactory(
            name="Cluster Lombardo Scienze della Vita", website="https://clls.example/"
        )
        translate_object(
            cls.organiser,
            cls.tree.english,
            {"Cluster Lombardo Scienze della Vita": "Lombardy Life Sciences Cluster"}.get,
        )
        cls.partner = OrganisationFactory(
            name="Università di esempio"
        )  # not translated: a proper name
        cls.speaker = PersonFactory(name="Anna Rossi", role="Ricercatrice")
        translate_object(cls.speaker, cls.tree.english, {"Ricercatrice": "Researcher"}.get)
        cls.event = cls.add_event(
            title="Meet in Italy",
            start_date=datetime.date(2030, 10, 10),
            start_time=datetime.time(9, 30),
            end_date=datetime.date(2030, 10, 12),
            end_time=datetime.time(13),
            venue_name="Palazzo dei Congressi",
            venue_address="Piazza Costituzione 4",
            registration_url="https://register.example/",
            registration_deadline=at(2030, 10, 1, 18),
            organisers=[
                EventOrganiser(organisation=cls.organiser, role="organiser"),
                EventOrganiser(organisation=cls.partner, role="partner"),
            ],
            programme=[
                (
                    "day",
                    {
                        "date": datetime.date(2030, 10, 10),
                        "title": "Apertura",
                        "sessions": [
                            {
                                "start": datetime.time(9, 30),
                                "end": datetime.time(10),
                                "title": "Benvenuto",
                                "description": "",
                                "speakers": [cls.speaker],
                            },
                        ],
                    },
                )
            ],
        )
        cls.en_event = cls.event.get_translation(cls.tree.english)

    @time_machine.travel(at(2030, 9, 1), tick=False)
    def test_english_event_reads_in_english(self):
        html = self.client.get(self.en_event.url).content.decode()
        self.assertIn("10 October 2030, 9:30 – 12 October 2030, 13:00", html)
        self.assertIn("(Italian time)", html)
        self.assertIn("EN Palazzo dei Congressi, Piazza Costituzione 4, Milan, Italy", html)
        self.assertIn(
            "https://www.openstreetmap.org/search?query=Piazza+Costituzione+4%2C+Milan%2C+Italy",
            html,
        )
        self.assertIn('<a href="https://clls.example/">Lombardy Life Sciences Cluster</a>', html)
        self.assertIn("Università di esempio", html)
        self.assertIn("Anna Rossi</span>, Researcher", html)
        self.assertIn(">Register</a>", html)
        self.assertIn("Registration closes on 1 October 2030.", html)
        self.assertIn(">Add to calendar</a>", html)

    @time_machine.travel(at(2030, 10, 2), tick=False)
    def test_registration_closes_at_the_deadline(self):
        html = self.client.get(self.en_event.url).content.decode()
        self.assertNotIn(">Register</a>", html)
        self.assertIn("Registration is closed.", html)

    @time_machine.travel(at(2030, 10, 5), tick=False)
    def test_without_deadline_registration_closes_at_the_start(self):
        event = self.add_event(
            start_date=datetime.date(2030, 10, 6), registration_url="https://r.example/"
        )
        self.assertIn(">Iscriviti</a>", self.client.get(event.url).content.decode())
        with time_machine.travel(at(2030, 10, 6, 0, 1), tick=False):
            self.assertIn("Le iscrizioni sono chiuse.", self.client.get(event.url).content.decode())

    @time_machine.travel(at(2030, 9, 1), tick=False)
    def test_cancelled_events_say_so_and_offer_no_registration(self):
        event = self.add_event(status="cancelled", registration_url="https://r.example/")
        html = self.client.get(event.url).content.decode()
        self.assertIn('<p class="badge badge--alert">Annullato</p>', html)
        self.assertNotIn(">Iscriviti</a>", html)

    def test_event_json_ld(self):
        html = self.client.get(self.en_event.url).content.decode()
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["name"], "EN Meet in Italy")
        self.assertEqual(data["startDate"], "2030-10-10T09:30:00+02:00")
        self.assertEqual(data["endDate"], "2030-10-12T13:00:00+02:00")
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode"
        )
        self.assertEqual(data["location"]["@type"], "Place")
        self.assertEqual(data["location"]["address"]["addressLocality"], "Milan")
        self.assertEqual(
            data["organizer"],
            [
                {
                    "@type": "Organization",
                    "name": "Lombardy Life Sciences Cluster",
                    "url": "https://clls.example/",
                }
            ],
        )
        self.assertEqual(data["offers"]["url"], "https://register.example/")
        self.assertEqual(data["inLanguage"], "en")
        self.assertTrue(data["description"])

    def test_online_event_has_a_virtual_location(self):
        event = self.add_event(
            attendance_mode="online", online_url="https://meet.example/x", venue_city=""
        )
        html = self.client.get(event.url).content.decode()
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )
        self.assertEqual(
            data["location"], {"@type": "VirtualLocation", "url": "https://meet.example/x"}
        )
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode"
        )


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


class EventCalendarTests(EventTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_event_tree()
        cls.all_day = cls.add_event(
            title="Meet in Italy",
            start_date=datetime.date(2030, 10, 10),
            end_date=datetime.date(2030, 10, 12),
            venue_city="Bologna",
        )
        cls.timed = cls.add_event(
            title="Webinar",
            start_date=datetime.date(2030, 1, 15),
            start_time=datetime.time(15),
            end_time=datetime.time(16, 30),
        )
        cls.cancelled = cls.add_event(
            title="Annullato", start_date=datetime.date(2030, 2, 1), status="cancelled"
        )
        cls.past = cls.add_event(title="Passato", start_date=datetime.date(2018, 2, 1))

    def event_of(self, page):
        calendar = parse_calendar(self.client.get(page.url + "ics/"))
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), 1)
        return calendar, events[0]

    def test_all_day_event_file(self):
        en_page = self.all_day.get_translation(self.tree.english)
        _calendar, event = self.event_of(en_page)
        self.assertEqual(event.decoded("dtstart"), datetime.date(2030, 10, 10))
        self.assertEqual(event.decoded("dtend"), datetime.date(2030, 10, 13))
        self.assertEqual(str(event["summary"]), "EN Meet in Italy")
        self.assertEqual(str(event["url"]), "http://testserver" + en_page.url)
        self.assertEqual(str(event["location"]), "Bologna, Italy")
        self.assertEqual(str(event["status"]), "CONFIRMED")

    def test_timed_event_carries_rome_time_and_its_time_zone(self):
        calendar, event = self.event_of(self.timed)
        start = event.decoded("dtstart")
        self.assertEqual(start.astimezone(UTC), datetime.datetime(2030, 1, 15, 14, 0, tzinfo=UTC))
        self.assertEqual(start.astimezone(ROME).hour, 15)
        self.assertEqual(event["dtstart"].params["TZID"], "Europe/Rome")
        self.assertEqual([str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")], ["Europe/Rome"])

    def test_uid_is_stable_across_edits(self):
        _calendar, before = self.event_of(self.timed)
        self.timed.title = "Webinar rinominato"
        self.timed.slug = "webinar-rinominato"
        self.timed.save_revision().publish()
        self.timed.refresh_from_db()
        _calendar, after = self.event_of(self.timed)
        self.assertEqual(str(before["uid"]), str(after["uid"]))

    def test_cancelled_event_is_marked(self):
        _calendar, event = self.event_of(self.cancelled)
        self.assertEqual(str(event["status"]), "CANCELLED")

    @time_machine.travel(at(2026, 11, 28), tick=False)
    def test_feed_lists_upcoming_events_of_its_language(self):
        italian = parse_calendar(self.client.get("/it/eventi/feed/ical/"))
        self.assertEqual(
            sorted(str(e["summary"]) for e in italian.walk("VEVENT")),
            ["Annullato", "Meet in Italy", "Webinar"],
        )
        english_calendar = parse_calendar(self.client.get("/en/events/feed/ical/"))
        self.assertEqual(
            sorted(str(e["summary"]) for e in english_calendar.walk("VEVENT")),
            ["EN Annullato", "EN Meet in Italy", "EN Webinar"],
        )


class EventQueryCountTests(EventTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_event_tree()

    def grow(self, count):
        for number in range(count):
            self.add_event(
                start_date=datetime.date(2018 if number % 2 else 2031, 3, 1 + number % 27)
            )

    @time_machine.travel(at(2026, 11, 28), tick=False)
    def test_listings_and_feed_do_not_grow_with_the_events(self):
        urls = [
            "/it/eventi/",
            "/en/events/",
            "/it/eventi/2018/",
            "/en/events/2018/",
            "/it/eventi/feed/ical/",
            "/en/",
        ]
        self.grow(2)
        small = {url: query_count(self.client, url) for url in urls}
        self.grow(30)
        large = {url: query_count(self.client, url) for url in urls}
        self.assertEqual(large, small)
