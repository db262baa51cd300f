"""Look-ups and fragments kept across requests follow the content and the clock."""

import datetime
import zoneinfo

import time_machine
from django.core.cache import cache

from events.models import EventIndexPage, EventPage
from home import lookups
from tests.sites import BilingualSiteTestCase

ROME = zoneinfo.ZoneInfo("Europe/Rome")


class HomeSectionsTests(BilingualSiteTestCase):
    """The home's sections are kept across requests (page cache off, as in tests)."""

    @classmethod
    def build(cls, tree):
        tree.index(EventIndexPage)
        cls.event = tree.add(
            EventPage,
            title="Giornata della ricerca",
            start_date=datetime.date(2030, 5, 10),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
        )

    def setUp(self):
        super().setUp()
        cache.clear()
        self.addCleanup(cache.clear)

    def coming_events(self, url="/it/"):
        html = self.client.get(url).content.decode()
        return html.split('id="next-events-heading"')[1].split("</section>")[0]

    def test_an_event_leaves_the_home_when_it_ends_without_any_save(self):
        with time_machine.travel(datetime.datetime(2030, 5, 10, 11, 55, tzinfo=ROME), tick=False):
            self.assertIn("Giornata della ricerca", self.coming_events())
            generation = lookups.generation()
        with time_machine.travel(datetime.datetime(2030, 5, 10, 12, 0, 1, tzinfo=ROME), tick=False):
            self.assertNotIn("Giornata della ricerca", self.coming_events())
            self.assertEqual(lookups.generation(), generation)

    def test_a_renamed_event_shows_its_new_title_on_the_next_request(self):
        with time_machine.travel(datetime.datetime(2030, 5, 1, tzinfo=ROME), tick=False):
            self.assertIn("Giornata della ricerca", self.coming_events())
            self.event.title = "Giornata della ricerca clinica"
            self.event.save_revision().publish()
            self.assertIn("Giornata della ricerca clinica", self.coming_events())

    def test_the_english_home_keeps_its_own_sections(self):
        with time_machine.travel(datetime.datetime(2030, 5, 1, tzinfo=ROME), tick=False):
            english_title = self.tree.english_of(self.event).title
            self.assertNotIn(english_title, self.coming_events("/it/"))
            self.assertIn(english_title, self.coming_events("/en/"))
            self.assertIn('href="/en/events/', self.coming_events("/en/"))
