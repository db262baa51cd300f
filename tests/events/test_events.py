"""Events as visitors find, read and put them in their calendars, in both languages."""

import datetime
import zoneinfo

import time_machine
from django.test import TestCase
from django.utils import translation
from icalendar import Calendar

from events.models import EventIndexPage, EventOrganiser, EventPage
from home.formats import date_range
from tests.admin import EditorTestCase, page_form
from tests.events.ical_rules import rfc5545_problems
from tests.factories import OrganisationFactory, PersonFactory
from tests.markup import card_titles, json_ld
from tests.queries import INDEX_BUDGET, assert_queries_do_not_grow, budgets
from tests.sites import BilingualSiteTestCase

ROME = zoneinfo.ZoneInfo("Europe/Rome")
UTC = datetime.UTC


def at(*args):
    """A moment in Rome, for time_machine."""
    return datetime.datetime(*args, tzinfo=ROME)


# The admin's form of an event, filled in as for an all-day event in Milan.
EVENT_FORM = {
    "title": "Workshop sulle biobanche",
    "slug": "workshop-biobanche",
    "start_date": "2030-03-10",
    "status": "scheduled",
    "attendance_mode": "in_person",
    "registration_mode": "external",
    "venue_city": "Milano",
    "venue_country": "Italia",
    "summary": "Un workshop.",
}


class EventAdminTests(EditorTestCase):
    def form(self, **fields):
        return page_form(EventPage, **(EVENT_FORM | fields))

    def test_editor_creates_an_all_day_event(self):
        event = self.create_in_admin(self.tree.index(EventIndexPage), EventPage, **EVENT_FORM)
        self.assertEqual(event.starts_at, at(2030, 3, 10))
        self.assertEqual(event.ends_at, at(2030, 3, 11))

    def test_an_end_before_the_start_is_refused_with_a_clear_message(self):
        url = f"/admin/pages/add/events/eventpage/{self.tree.index(EventIndexPage).pk}/"
        with translation.override("it"):
            response = self.client.post(url, self.form(end_date="2030-03-09"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "L&#x27;evento non può finire prima di cominciare.")
        with translation.override("it"):
            response = self.client.post(url, self.form(start_time="10:00", end_time="09:00"))
        self.assertContains(response, "L&#x27;evento non può finire prima di cominciare.")
        with translation.override("it"):
            response = self.client.post(url, self.form(end_time="09:00"))
        self.assertContains(response, "Indicate anche l&#x27;ora di inizio")
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


class EventListingTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.past_2018 = tree.add(
            EventPage,
            title="Meet in Italy",
            start_date=datetime.date(2018, 10, 10),
            end_date=datetime.date(2018, 10, 12),
        )
        cls.past_2019 = tree.add(
            EventPage, title="Community 2019", start_date=datetime.date(2019, 5, 6)
        )
        cls.ongoing = tree.add(
            EventPage,
            title="Settimana della ricerca",
            start_date=datetime.date(2026, 11, 27),
            end_date=datetime.date(2026, 11, 29),
        )
        cls.later = tree.add(
            EventPage,
            title="Webinar",
            start_date=datetime.date(2027, 1, 15),
            start_time=datetime.time(15),
            end_time=datetime.time(16),
            attendance_mode="online",
            online_url="https://meet.example/clls",
        )
        cls.sooner = tree.add(EventPage, title="Workshop", start_date=datetime.date(2026, 12, 3))
        cls.italian_only = tree.add(
            EventPage,
            title="Solo italiano",
            start_date=datetime.date(2026, 12, 20),
            translate=False,
        )

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_upcoming_events_soonest_first_with_those_in_progress(self):
        html = self.page_html("/it/eventi/")
        self.assertEqual(
            card_titles(html, level=3),
            ["Settimana della ricerca", "Workshop", "Solo italiano", "Webinar"],
        )
        self.assertIn("In corso", html)
        english_html = self.page_html("/en/events/")
        self.assertEqual(
            card_titles(english_html, level=3),
            ["EN Settimana della ricerca", "EN Workshop", "EN Webinar"],
        )
        self.assertHtmlContains(
            english_html,
            present=["Happening now", "27–29 November 2026", "15 January 2027, 15:00–16:00"],
        )

    @time_machine.travel(at(2026, 11, 30, 0, 0), tick=False)
    def test_an_event_leaves_the_upcoming_list_when_it_ends(self):
        html = self.page_html("/it/eventi/")
        self.assertNotIn("Settimana della ricerca", card_titles(html, level=3))
        self.assertIn(
            "Settimana della ricerca",
            card_titles(self.page_html("/it/eventi/2026/"), level=2),
        )

    @time_machine.travel(at(2026, 11, 28, 12), tick=False)
    def test_archive_by_year_newest_first(self):
        html = self.page_html("/en/events/")
        self.assertHtmlContains(
            html, present=['href="/en/events/2019/"', 'href="/en/events/2018/"']
        )
        self.assertLess(
            html.index('href="/en/events/2019/"'), html.index('href="/en/events/2018/"')
        )
        self.assertEqual(
            card_titles(self.page_html("/en/events/2018/"), level=2),
            ["EN Meet in Italy"],
        )
        empty = self.page_html("/it/eventi/2015/")
        self.assertIn("Nessun evento passato per questo anno.", empty)

    @time_machine.travel(at(2030, 1, 1), tick=False)
    def test_empty_upcoming_list_invites_to_the_archive(self):
        html = self.page_html("/en/events/")
        self.assertHtmlContains(
            html, present=["No events are coming up at the moment.", 'href="/en/events/2027/"']
        )
        self.assertIn(
            "Al momento non ci sono eventi in arrivo.",
            self.page_html("/it/eventi/"),
        )
        home = self.page_html("/en/")
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
        html = self.page_html("/en/")
        self.assertEqual(
            card_titles(html, level=3), ["EN Settimana della ricerca", "EN Workshop", "EN Webinar"]
        )


class EventPageTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.organiser = OrganisationFactory(
            name="Cluster Lombardo Scienze della Vita", website="https://clls.example/"
        )
        # The cluster has an official English name; names otherwise stay as they are.
        tree.translate(cls.organiser, overrides={"name": "Lombardy Life Sciences Cluster"})
        cls.partner = OrganisationFactory(
            name="Università di esempio"
        )  # not translated: a proper name
        cls.speaker = PersonFactory(name="Anna Rossi", role="Ricercatrice")
        tree.translate(cls.speaker)
        _event, cls.en_event = tree.add_twins(
            EventPage,
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

    @time_machine.travel(at(2030, 9, 1), tick=False)
    def test_english_event_reads_in_english(self):
        self.assertHtmlContains(
            self.page_html(self.en_event.url),
            present=[
                "10 October 2030, 9:30 – 12 October 2030, 13:00",
                "(Italian time)",
                "EN Palazzo dei Congressi, Piazza Costituzione 4, Milan, Italy",
                "https://www.openstreetmap.org/search?query=Piazza+Costituzione+4%2C+Milan%2C+Italy",
                '<a href="https://clls.example/">Lombardy Life Sciences Cluster</a>',
                "Università di esempio",
                "Anna Rossi</span>, Researcher",
                ">Register</a>",
                "Registration closes on 1 October 2030.",
                ">Add to calendar</a>",
            ],
        )

    @time_machine.travel(at(2030, 10, 2), tick=False)
    def test_registration_closes_at_the_deadline(self):
        self.assertHtmlContains(
            self.page_html(self.en_event.url),
            present=["Registration is closed."],
            absent=[">Register</a>"],
        )

    @time_machine.travel(at(2030, 10, 5), tick=False)
    def test_without_deadline_registration_closes_at_the_start(self):
        event = self.tree.add(
            EventPage, start_date=datetime.date(2030, 10, 6), registration_url="https://r.example/"
        )
        self.assertIn(">Iscrivetevi</a>", self.page_html(event.url))
        with time_machine.travel(at(2030, 10, 6, 0, 1), tick=False):
            self.assertIn("Le iscrizioni sono chiuse.", self.page_html(event.url))

    @time_machine.travel(at(2030, 9, 1), tick=False)
    def test_cancelled_events_say_so_and_offer_no_registration(self):
        event = self.tree.add(EventPage, status="cancelled", registration_url="https://r.example/")
        self.assertHtmlContains(
            self.page_html(event.url),
            present=['<p class="badge badge--alert">Annullato</p>'],
            absent=[">Iscrivetevi</a>"],
        )

    def test_event_json_ld(self):
        html = self.page_html(self.en_event.url)
        data = json_ld(html)[0]
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
        event = self.tree.add(
            EventPage, attendance_mode="online", online_url="https://meet.example/x", venue_city=""
        )
        html = self.page_html(event.url)
        data = json_ld(html)[0]
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


class EventCalendarTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.all_day = tree.add(
            EventPage,
            title="Meet in Italy",
            start_date=datetime.date(2030, 10, 10),
            end_date=datetime.date(2030, 10, 12),
            venue_city="Bologna",
        )
        cls.timed = tree.add(
            EventPage,
            title="Webinar",
            start_date=datetime.date(2030, 1, 15),
            start_time=datetime.time(15),
            end_time=datetime.time(16, 30),
        )
        cls.cancelled = tree.add(
            EventPage, title="Annullato", start_date=datetime.date(2030, 2, 1), status="cancelled"
        )
        cls.past = tree.add(EventPage, title="Passato", start_date=datetime.date(2018, 2, 1))

    def event_of(self, page):
        calendar = parse_calendar(self.client.get(page.url + "ics/"))
        events = calendar.walk("VEVENT")
        self.assertEqual(len(events), 1)
        return calendar, events[0]

    def test_all_day_event_file(self):
        en_page = self.tree.english_of(self.all_day)
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

    @time_machine.travel(at(2031, 1, 1), tick=False)
    def test_a_feed_with_nothing_coming_is_still_a_valid_calendar(self):
        response = self.client.get("/en/events/feed/ical/")
        calendar = parse_calendar(response)
        self.assertEqual(calendar.walk("VEVENT"), [])
        # RFC 5545 wants a component: the calendar's time zone is the one clients accept.
        self.assertEqual([str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")], ["Europe/Rome"])
        self.assertEqual(rfc5545_problems(response.content), [])

    @time_machine.travel(at(2026, 11, 28), tick=False)
    def test_feeds_and_event_files_follow_rfc_5545(self):
        for url in ["/it/eventi/feed/ical/", self.timed.url + "ics/", self.all_day.url + "ics/"]:
            with self.subTest(url=url):
                self.assertEqual(rfc5545_problems(self.client.get(url).content), [])

    def test_the_rfc_checks_catch_what_a_parser_forgives(self):
        body = b"BEGIN:VCALENDAR\nVERSION:2.0\nX-LONG:" + b"x" * 80 + b"\nEND:VCALENDAR\n"
        problems = rfc5545_problems(body.replace(b"\n", b"\r\n", 1))
        self.assertIn("PRODID 0 times", problems)
        self.assertIn("no component", problems)
        self.assertTrue(any("bare CR or LF" in problem for problem in problems))


class EventQueryCountTests(BilingualSiteTestCase):
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
        # Odd events are past and even ones upcoming, so that both lists grow.
        assert_queries_do_not_grow(
            self,
            urls,
            lambda number: self.tree.add(
                EventPage,
                start_date=datetime.date(2018 if number % 2 else 2031, 3, 1 + number % 27),
            ),
            few=2,
            many=32,
            ceilings=budgets(urls, INDEX_BUDGET),
        )
