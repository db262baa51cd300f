"""The page cache: anonymous pages served from cache, never stale, never shared wrongly.

Every test of `PageCacheTests` runs twice: on local memory (one process) and on
the machine's Redis (`RedisPageCacheTests`, a database of its own).
"""

import datetime
import re
import socket
import zoneinfo
from contextlib import contextmanager
from io import StringIO

import time_machine
from axes.models import AccessAttempt, AccessLog
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase, override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from events.models import EventIndexPage, EventPage
from home import lookups
from home.models import SiteContent, StandardPage, Tag
from news.models import NewsIndexPage, NewsPage
from operations import pagecache
from operations.cache import FailSoftRedisCache
from pillars.models import PillarPage
from tests.admin import superuser
from tests.factories import ImageFactory
from tests.services.helpers import ServiceFormTestCase
from tests.sites import BilingualSiteTestCase

ROME = zoneinfo.ZoneInfo("Europe/Rome")
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A database and prefix of their own: flushing them touches nobody else's keys.
REDIS = {
    "default": {
        "BACKEND": "operations.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/13",
        "KEY_PREFIX": "clls-pagecache-tests",
    }
}
# Nothing listens on port 1: Redis is "down".
REDIS_DOWN = {
    "default": {
        "BACKEND": "operations.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


class CachedSiteTestCase(BilingualSiteTestCase):
    """The bilingual site with the page cache on, emptied before each test."""

    caches = LOCAL_MEMORY

    def setUp(self):
        super().setUp()
        overrides = override_settings(CACHES=self.caches, PAGE_CACHE="on", PAGE_CACHE_SECONDS=600)
        overrides.enable()
        self.addCleanup(overrides.disable)
        cache.clear()
        self.addCleanup(cache.clear)

    @contextmanager
    def change(self):
        """A change committed as an editor's request commits it (purges run on commit).

        The test's transaction never commits: the purges queued by the test data
        count as done, and those of the change run at the end of the block.
        """
        self.forget_queued_purges()
        with self.captureOnCommitCallbacks(execute=True):
            yield
        self.forget_queued_purges()

    @staticmethod
    def forget_queued_purges():
        queue = transaction.get_connection().run_on_commit
        queue[:] = [item for item in queue if item[1] is not lookups.content_committed]

    def get(self, url, **extra):
        response = self.client.get(url, **extra)
        self.assertEqual(response.status_code, 200, url)
        return response

    def warm(self, *urls):
        """Visit each URL until it is served from the cache."""
        for url in urls:
            self.get(url)
            self.assertEqual(self.get(url)["X-Page-Cache"], "hit", url)

    def assertShows(self, urls, present=(), absent=()):  # noqa: N802
        for url in urls:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.client.get(url).content.decode(), present=present, absent=absent
                )


class PageCacheTests(CachedSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")
        cls.en_pillar = tree.english_of(cls.pillar)
        cls.tag = tree.add_tag("Ricerca clinica")
        cls.news = tree.add(
            NewsPage,
            title="Approvato il piano",
            slug="approvato-il-piano",
            pillars=[cls.pillar],
            tags=["Ricerca clinica"],
        )
        cls.en_news = tree.english_of(cls.news)
        tree.index(EventIndexPage)

    def setUp(self):
        super().setUp()
        # The listings where a news item shows, Italian then English.
        self.LISTINGS = (
            "/it/",
            "/en/",
            "/it/notizie/",
            "/en/news/",
            self.pillar.url,
            self.en_pillar.url,
            "/it/notizie/feed/rss/",
            "/en/news/feed/rss/",
        )

    def test_second_anonymous_view_is_a_hit_with_headers_a_proxy_can_keep(self):
        first = self.get("/it/notizie/approvato-il-piano/")
        # A hit runs no SQL at all: no session, no user, no page lookup.
        with self.assertNumQueries(0):
            second = self.get("/it/notizie/approvato-il-piano/")
        head = self.client.head("/it/notizie/approvato-il-piano/")
        self.assertEqual((head.status_code, head["X-Page-Cache"]), (200, "hit"))
        self.assertEqual((first["X-Page-Cache"], second["X-Page-Cache"]), ("miss", "hit"))
        self.assertEqual(first.content, second.content)
        for response in (first, second):
            self.assertNotIn("Cookie", response.get("Vary", ""))
            self.assertRegex(
                response["Cache-Control"],
                r"^max-age=0, s-maxage=\d+, stale-while-revalidate=60$",
            )
            self.assertEqual(response["Content-Language"], "it")
            self.assertFalse(response.cookies)
        self.assertEqual(second["Cache-Control"].split(", ")[1], "s-maxage=600")

    def test_languages_are_separate_entries_and_the_path_decides(self):
        self.warm("/it/", "/en/")
        italian = self.get("/it/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        self.assertEqual(italian["X-Page-Cache"], "hit")
        self.assertIn('<html lang="it"', italian.content.decode())
        english = self.get("/en/", HTTP_ACCEPT_LANGUAGE="it")
        self.assertIn('<html lang="en"', english.content.decode())

    def test_a_published_item_shows_at_once_in_every_listing_of_both_languages(self):
        self.warm(*self.LISTINGS)
        self.get("/sitemap.xml")
        with self.change():
            item = self.tree.add(
                NewsPage,
                title="Biobanche a Bologna",
                slug="biobanche-bologna",
                pillars=[self.pillar],
                date=datetime.date(2026, 11, 30),
            )
        self.assertShows(self.LISTINGS[::2], present=["Biobanche a Bologna"])
        self.assertShows(self.LISTINGS[1::2], present=["Biobanks in Bologna"])
        self.assertShows(
            ["/sitemap.xml"],
            present=[item.full_url, self.tree.english_of(item).full_url],
        )

    def test_unpublished_item_leaves_its_page_and_the_listings(self):
        self.warm(*self.LISTINGS, self.news.url, self.en_news.url)
        with self.change():
            self.news.unpublish()
            NewsPage.objects.get(pk=self.en_news.pk).unpublish()
        self.assertEqual(self.client.get(self.news.url).status_code, 404)
        self.assertEqual(self.client.get(self.en_news.url).status_code, 404)
        self.assertShows(self.LISTINGS, absent=["Approvato il piano", "The plan is approved"])

    def test_deleted_item_leaves_the_listings(self):
        self.warm(*self.LISTINGS)
        with self.change():
            NewsPage.objects.get(pk=self.en_news.pk).delete()
            NewsPage.objects.get(pk=self.news.pk).delete()
        self.assertShows(self.LISTINGS, absent=["Approvato il piano", "The plan is approved"])

    def test_slug_change_of_an_index_moves_every_descendant_url(self):
        old_urls = ["/it/notizie/", self.news.url, "/en/news/", self.en_news.url]
        self.warm(*old_urls)
        with self.change():
            index = NewsIndexPage.objects.get(locale=self.tree.italian)
            index.slug = "novita"
            index.save_revision().publish()
        # The old addresses redirect (Wagtail made redirects) instead of showing old pages.
        for url in old_urls[:2]:
            self.assertEqual(self.client.get(url).status_code, 301, url)
        self.assertEqual(self.get("/it/novita/approvato-il-piano/")["X-Page-Cache"], "miss")
        # The English home links the Italian index by its new address in the switcher.
        self.assertShows([self.en_news.url], present=["/it/novita/approvato-il-piano/"])

    def test_moved_page_answers_at_its_new_address_only(self):
        page = self.tree.add(StandardPage, title="Bandi europei", slug="bandi-europei")
        self.warm("/it/bandi-europei/", "/it/chi-siamo/")
        with self.change():
            page.move(self.tree.it_about, pos="last-child")
        old = self.client.get("/it/bandi-europei/")
        self.assertEqual((old.status_code, old["Location"]), (301, "/it/chi-siamo/bandi-europei/"))
        self.assertEqual(self.get("/it/chi-siamo/bandi-europei/").status_code, 200)

    def test_publishing_a_translation_shows_it_in_english_listings(self):
        with self.change():
            item = self.tree.add(
                NewsPage,
                title="Nuovo bando per le biobanche",
                pillars=[self.pillar],
                date=datetime.date(2026, 11, 30),
                translate=False,
            )
        self.warm("/en/", "/en/news/", "/it/notizie/")
        self.assertShows(["/en/news/"], absent=["New call for biobanks"])
        with self.change():
            self.tree.translate(item)
        self.assertShows(["/en/", "/en/news/"], present=["New call for biobanks"])
        # The Italian page now announces its English twin.
        self.assertShows([item.url], present=['hreflang="en"'])

    def test_snippet_edit_shows_on_every_page(self):
        self.warm("/it/", "/en/", self.news.url)
        with self.change():
            content = SiteContent.objects.get(locale=self.tree.italian)
            content.footer_text = "Un piè di pagina appena scritto."
            content.save()
        self.assertShows(["/it/", self.news.url], present=["Un piè di pagina appena scritto."])

    def test_tag_translation_saved_without_publishing_shows_in_english(self):
        self.warm(self.en_news.url, "/en/news/")
        with self.change():
            tag = Tag.objects.get(locale=self.tree.english, name="Clinical research")
            tag.name = "Clinical trials"
            tag.save()
        self.assertShows([self.en_news.url], present=["Clinical trials"])

    def test_draft_saves_renditions_and_form_submissions_keep_the_cache(self):
        image = ImageFactory()
        self.warm(self.news.url)
        with self.change():
            news = NewsPage.objects.get(pk=self.news.pk)
            news.title = "Titolo in bozza"
            news.save_revision()
            # Renditions are made while pages are viewed: they must not purge.
            image.get_rendition("fill-80x80")
        response = self.get(self.news.url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotIn("Titolo in bozza", response.content.decode())

    def test_scheduled_publication_shows_after_publish_scheduled(self):
        go_live = datetime.datetime(2030, 5, 10, 9, 0, tzinfo=ROME)
        with self.change():
            news = self.tree.add(
                NewsPage, title="Piano approvato in via definitiva", live=False, translate=False
            )
            news.go_live_at = go_live
            news.save_revision().publish()
        with time_machine.travel(go_live - datetime.timedelta(minutes=2), tick=False):
            self.warm("/it/", "/it/notizie/")
            self.assertShows(["/it/notizie/"], absent=["Piano approvato in via definitiva"])
            # The entry lives no longer than the moment of the publication.
            cache_control = self.get("/it/notizie/")["Cache-Control"]
            self.assertEqual(cache_control.split(", ")[1], "s-maxage=120")
        with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
            with self.change():
                call_command("publish_scheduled", stdout=StringIO())
            self.assertShows(
                ["/it/", "/it/notizie/"], present=["Piano approvato in via definitiva"]
            )

    def test_event_becoming_past_leaves_coming_up_when_it_ends(self):
        event = self.tree.add(
            EventPage,
            title="Giornata della ricerca",
            start_date=datetime.date(2030, 5, 10),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
        )
        listings = ["/it/eventi/", "/en/events/", event.url]
        with time_machine.travel(datetime.datetime(2030, 5, 10, 11, 55, tzinfo=ROME), tick=False):
            self.warm(*listings)
            self.assertShows(["/it/eventi/"], present=["Giornata della ricerca"])
            # Five minutes to go: the cached page says so to proxies too.
            self.assertEqual(
                self.get("/it/eventi/")["Cache-Control"].split(", ")[1], "s-maxage=300"
            )
        with time_machine.travel(datetime.datetime(2030, 5, 10, 12, 0, 1, tzinfo=ROME), tick=False):
            for url in listings:
                self.assertEqual(self.get(url)["X-Page-Cache"], "miss", url)
            self.assertShows(["/it/eventi/"], absent=["Giornata della ricerca"])

    def test_logged_in_visitors_bypass_the_cache(self):
        self.warm(self.news.url)
        self.client.force_login(superuser())
        response = self.get(self.news.url)
        self.assertEqual(response["X-Page-Cache"], "bypass")
        self.assertIn("private", response["Cache-Control"])
        # Their user bar is theirs alone, and was never in the shared entry.
        self.assertIn("wagtail-userbar", response.content.decode())
        self.client.logout()
        self.client.cookies.clear()
        self.assertNotIn("wagtail-userbar", self.get(self.news.url).content.decode())

    def test_only_whitelisted_query_parameters_make_entries(self):
        self.assertEqual(
            self.get("/it/notizie/", data={"utm_source": "x"})["X-Page-Cache"], "bypass"
        )
        self.assertEqual(
            self.get("/it/notizie/", data={"utm_source": "x"})["X-Page-Cache"], "bypass"
        )
        self.assertEqual(self.get("/it/notizie/", data={"page": "1"})["X-Page-Cache"], "miss")
        self.assertEqual(self.get("/it/notizie/", data={"page": "1"})["X-Page-Cache"], "hit")
        self.assertEqual(self.get(self.news.url, data={"preview": ""})["X-Page-Cache"], "bypass")

    def test_search_posts_and_errors_are_never_stored(self):
        for _ in range(2):
            self.assertEqual(self.get("/it/cerca/", data={"q": "piano"})["X-Page-Cache"], "bypass")
            self.assertEqual(self.client.get("/it/nessuna-pagina/")["X-Page-Cache"], "bypass")
        self.assertEqual(self.client.post("/it/")["X-Page-Cache"], "bypass")

    def test_messages_cookie_bypasses(self):
        self.warm("/it/")
        self.client.cookies["messages"] = "something"
        self.assertEqual(self.get("/it/")["X-Page-Cache"], "bypass")


@override_settings(CACHES=REDIS)
class RedisPageCacheTests(PageCacheTests):
    """The same, on the machine's Redis that several workers share."""

    caches = REDIS

    def setUp(self):
        self.assertTrue(redis_reachable(), "Redis must answer on 127.0.0.1:6379")
        super().setUp()


class CsrfUnderTheCacheTests(ServiceFormTestCase, CachedSiteTestCase):
    def test_form_page_is_not_shared_and_a_real_submission_succeeds(self):
        url = self.service.url
        for _ in range(2):
            self.assertEqual(self.get(url)["X-Page-Cache"], "bypass")
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(url)
        self.assertEqual(page["X-Page-Cache"], "bypass")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
        self.client = visitor
        response = self.post(url, csrfmiddlewaretoken=token)
        self.assertIn(response.status_code, {200, 302})
        self.assertNotContains(response, "CSRF", status_code=response.status_code)
        self.assertEqual(self.service.get_submission_class().objects.count(), 1)


class PageCacheSwitchTests(TestCase):
    def test_auto_is_on_with_redis_and_off_with_local_memory(self):
        with override_settings(PAGE_CACHE="auto", CACHES=LOCAL_MEMORY):
            on, why = pagecache.status()
            self.assertFalse(on)
            self.assertIn("CACHE_URL=redis://", why)
        with override_settings(PAGE_CACHE="auto", CACHES=REDIS):
            self.assertTrue(pagecache.status()[0])
        with override_settings(PAGE_CACHE="off", CACHES=REDIS):
            self.assertFalse(pagecache.status()[0])


class RedisDownTests(BilingualSiteTestCase):
    def test_cache_calls_miss_instead_of_failing(self):
        backend = FailSoftRedisCache(REDIS_DOWN["default"]["LOCATION"], {})
        backend.set("key", "value")
        self.assertIsNone(backend.get("key"))
        self.assertEqual(backend.get("key", "default"), "default")
        self.assertFalse(backend.add("key", 1))
        with self.assertRaises(ValueError):
            backend.incr("key")

    @override_settings(CACHES=REDIS_DOWN, PAGE_CACHE="on")
    def test_pages_are_served_while_redis_is_down(self):
        for url in ("/it/", "/it/", "/en/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotEqual(response["X-Page-Cache"], "hit")


class RecordingBackend(BaseBackend):
    """A front-end cache that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


class RecordingPurgeAllBackend(RecordingBackend):
    def purge_all(self):
        self.purged.append("everything")


@override_settings(
    WAGTAILFRONTENDCACHE={
        "varnish": {"BACKEND": "tests.operations.test_pagecache.RecordingBackend"},
        "cdn": {"BACKEND": "tests.operations.test_pagecache.RecordingPurgeAllBackend"},
    }
)
class FrontendCacheTests(CachedSiteTestCase):
    def setUp(self):
        super().setUp()
        RecordingBackend.purged.clear()

    def test_a_public_change_purges_the_whole_site_at_the_cdn_once_per_transaction(self):
        with self.change():
            content = SiteContent.objects.get(locale=self.tree.italian)
            content.footer_text = "Nuovo testo"
            content.save()
            self.tree.add(StandardPage, title="Bandi europei", slug="bandi-europei")
        self.assertEqual(
            sorted(RecordingBackend.purged),
            ["everything", "http://testserver/en/", "http://testserver/it/"],
        )

    def test_bookkeeping_purges_nothing(self):
        with self.change():
            self.tree.it_about.save_revision()
        self.assertEqual(RecordingBackend.purged, [])


class GenerationTests(CachedSiteTestCase):
    """One content generation keys both the page cache and the cached look-ups."""

    def test_a_change_is_seen_at_once_by_its_writer_and_again_after_commit(self):
        before = lookups.generation()
        with self.change():
            self.tree.add(StandardPage, title="Bandi europei", slug="bandi-europei")
            during = lookups.generation()
            self.assertNotEqual(during, before)
        self.assertNotEqual(lookups.generation(), during)

    def test_staff_logins_and_drafts_leave_pages_and_look_ups_cached(self):
        self.warm("/it/", "/en/")
        before = lookups.generation()
        with self.change():
            AccessAttempt.objects.create(
                username="editor", ip_address="127.0.0.1", user_agent="test", failures_since_start=1
            )
            AccessLog.objects.create(username="editor", ip_address="127.0.0.1", user_agent="test")
            self.tree.it_about.save_revision()
        self.assertEqual(lookups.generation(), before)
        self.assertEqual(self.get("/it/")["X-Page-Cache"], "hit")
