"""News as editors publish it and visitors read it, in both languages."""

import datetime
import json
import re

import feedparser
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import video_embed
from home.localization import translate_object
from home.models import HomePage, Tag
from news.models import NewsIndexPage, NewsPage, NewsPageRelatedPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from tests.queries import query_count
from tests.sites import build_bilingual_site, english

TAGS_IN_ENGLISH = {"Ricerca clinica": "Clinical research", "Biobanche": "Biobanks"}


def to_english(text):
    return TAGS_IN_ENGLISH.get(text) or english(text)


class NewsTreeMixin:
    @classmethod
    def build_news_tree(cls):
        cls.tree = build_bilingual_site()
        cls.it_index = NewsIndexPageFactory(parent=cls.tree.it_home, show_in_menus=True)
        cls.en_index = translate_object(
            cls.it_index,
            cls.tree.english,
            {
                "Notizie": "News",
                "notizie": "news",
                "Le novità del Cluster.": "The Cluster's news.",
            }.get,
        )
        for italian, english_name in TAGS_IN_ENGLISH.items():
            tag = Tag.objects.create(name=italian)
            translate_object(tag, cls.tree.english, {italian: english_name}.get)
        Tag.objects.create(name="Cronicità")  # never translated

    @classmethod
    def add_news(cls, *, translate=True, **fields):
        item = NewsPageFactory(parent=cls.it_index, **fields)
        if translate:
            translate_object(item, cls.tree.english, to_english)
        return item


class NewsTreeRulesTests(WagtailPageTestCase):
    def test_index_lives_under_a_home_and_holds_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_news_index_per_home(self):
        tree = build_bilingual_site()
        self.assertTrue(NewsIndexPage.can_create_at(tree.it_home))
        NewsIndexPageFactory(parent=tree.it_home)
        self.assertFalse(NewsIndexPage.can_create_at(tree.it_home))
        self.assertTrue(NewsIndexPage.can_create_at(tree.en_home))


class NewsAdminTests(NewsTreeMixin, WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_news_tree()
        cls.editor = get_user_model().objects.create_superuser("redazione", "r@clls.example", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_publishes_a_tagged_news_item_dated_the_day_of_publication(self):
        data = nested_form_data(
            {
                "title": "Nuovo bando europeo",
                "slug": "nuovo-bando",
                "date": "",
                "summary": "Un bando per le imprese.",
                "image_alt": "",
                "tags": "Biobanche, Ricerca clinica",
                "body": streamfield([("paragraph", rich_text("<p>Testo della notizia.</p>"))]),
                "related_pages-TOTAL_FORMS": "0",
                "related_pages-INITIAL_FORMS": "0",
                "related_pages-MIN_NUM_FORMS": "0",
                "related_pages-MAX_NUM_FORMS": "1000",
                "pillar_links-TOTAL_FORMS": "0",
                "pillar_links-INITIAL_FORMS": "0",
                "pillar_links-MIN_NUM_FORMS": "0",
                "pillar_links-MAX_NUM_FORMS": "1000",
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.it_index, NewsPage, data)
        item = NewsPage.objects.get(slug="nuovo-bando")
        self.assertTrue(item.live)
        self.assertEqual(item.date, timezone.localdate())
        self.assertEqual(sorted(t.name for t in item.tags.all()), ["Biobanche", "Ricerca clinica"])
        self.assertEqual({t.locale.language_code for t in item.tags.all()}, {"it"})


class NewsListingTests(NewsTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_news_tree()
        cls.older = cls.add_news(
            title="Biobanche in rete",
            date=datetime.date(2017, 5, 2),
            tags=["Biobanche", "Cronicità"],
        )
        cls.newer = cls.add_news(
            title="Piano operativo", date=datetime.date(2018, 7, 9), tags=["Ricerca clinica"]
        )
        cls.italian_only = cls.add_news(
            title="Solo in italiano", date=datetime.date(2018, 8, 1), translate=False
        )

    def titles(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return re.findall(
            r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
        )

    def test_index_lists_newest_first_in_its_own_language(self):
        self.assertEqual(
            self.titles("/it/notizie/"),
            ["Solo in italiano", "Piano operativo", "Biobanche in rete"],
        )
        self.assertEqual(self.titles("/en/news/"), ["EN Piano operativo", "EN Biobanche in rete"])

    def test_cards_show_localised_dates_and_tags(self):
        italian = self.client.get("/it/notizie/").content.decode()
        english_html = self.client.get("/en/news/").content.decode()
        self.assertIn('<time datetime="2018-07-09">9 luglio 2018</time>', italian)
        self.assertIn('<time datetime="2018-07-09">9 July 2018</time>', english_html)
        self.assertIn('href="/it/notizie/tag/ricerca-clinica/">Ricerca clinica</a>', italian)
        self.assertIn('href="/en/news/tag/clinical-research/">Clinical research</a>', english_html)
        self.assertNotIn("Cronicità", english_html)
        self.assertNotIn("Ricerca clinica", english_html)

    def test_bad_page_numbers_give_the_first_page_or_a_404(self):
        for raw in ["", "abc", "0", "-1", "1.5", "%00"]:
            with self.subTest(page=raw):
                self.assertEqual(self.titles("/it/notizie/", page=raw)[0], "Solo in italiano")
        response = self.client.get("/it/notizie/", {"page": "99"})
        self.assertEqual(response.status_code, 404)
        self.assertIn("Pagina non trovata", response.content.decode())

    def test_pagination_splits_long_lists(self):
        NewsIndexPage.per_page = 2
        self.addCleanup(setattr, NewsIndexPage, "per_page", 12)
        self.assertEqual(len(self.titles("/it/notizie/")), 2)
        self.assertEqual(self.titles("/it/notizie/", page=2), ["Biobanche in rete"])
        self.assertIn('rel="next"', self.client.get("/it/notizie/").content.decode())

    def test_tag_pages_filter_and_stay_in_their_language(self):
        self.assertEqual(self.titles("/it/notizie/tag/biobanche/"), ["Biobanche in rete"])
        self.assertEqual(self.titles("/en/news/tag/biobanks/"), ["EN Biobanche in rete"])
        for url in [
            "/en/news/tag/biobanche/",
            "/it/notizie/tag/biobanks/",
            "/it/notizie/tag/ignota/",
            "/en/news/tag/cronicita/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_tag_without_news_in_this_language_shows_an_empty_state(self):
        tag = Tag.objects.create(name="Neuroscienze")
        translate_object(tag, self.tree.english, {"Neuroscienze": "Neuroscience"}.get)
        html = self.client.get("/en/news/tag/neuroscience/").content.decode()
        self.assertIn("No news with this tag yet.", html)

    def test_year_archive(self):
        self.assertEqual(self.titles("/it/notizie/2017/"), ["Biobanche in rete"])
        self.assertEqual(self.titles("/en/news/2018/"), ["EN Piano operativo"])
        html = self.client.get("/it/notizie/2016/").content.decode()
        self.assertIn("Nessuna notizia per questo anno.", html)
        self.assertIn('href="/it/notizie/2017/"', self.client.get("/it/notizie/").content.decode())
        self.assertEqual(self.client.get("/it/notizie/0999/").status_code, 404)

    def test_home_shows_the_three_latest_news_of_its_language(self):
        self.add_news(title="Terza", date=datetime.date(2019, 1, 1))
        self.add_news(title="Quarta", date=datetime.date(2019, 2, 1))
        html = self.client.get("/en/").content.decode()
        self.assertEqual(
            re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html),
            ["EN Quarta", "EN Terza", "EN Piano operativo"],
        )

    def test_every_page_links_its_language_feeds(self):
        html = self.client.get("/en/about/").content.decode()
        self.assertIn(
            'type="application/rss+xml" title="News (RSS)" href="http://testserver/en/news/feed/rss/"',
            html,
        )
        self.assertIn(
            'type="application/atom+xml" title="News (Atom)" href="http://testserver/en/news/feed/atom/"',
            html,
        )


class NewsFeedTests(NewsTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_news_tree()
        cls.add_news(title="Piano operativo", date=datetime.date(2018, 7, 9))
        cls.add_news(title="Solo in italiano", translate=False)

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return response, feed

    def test_feeds_are_valid_and_hold_only_their_language(self):
        for url, version, lang, titles in [
            ("/it/notizie/feed/rss/", "rss20", "it", ["Solo in italiano", "Piano operativo"]),
            ("/en/news/feed/rss/", "rss20", "en", ["EN Piano operativo"]),
            ("/it/notizie/feed/atom/", "atom10", "it", ["Solo in italiano", "Piano operativo"]),
            ("/en/news/feed/atom/", "atom10", "en", ["EN Piano operativo"]),
        ]:
            with self.subTest(url=url):
                response, feed = self.parse(url)
                self.assertEqual(feed.version, version)
                self.assertEqual(response["Content-Language"], lang)
                self.assertEqual(sorted(e.title for e in feed.entries), sorted(titles))
                for entry in feed.entries:
                    self.assertTrue(entry.link.startswith(f"http://testserver/{lang}/"))
                    self.assertTrue(entry.summary)
                    self.assertTrue(entry.get("published_parsed") or entry.get("updated_parsed"))

    def test_item_dates_are_the_news_dates(self):
        _response, feed = self.parse("/en/news/feed/rss/")
        self.assertEqual(
            feed.entries[0].published_parsed[:3], (2018, 7, 8)
        )  # midnight in Rome is 22:00 UTC


class NewsQueryCountTests(NewsTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_news_tree()

    def grow(self, count):
        for _ in range(count):
            self.add_news(
                date=datetime.date(2018, 3, 1), tags=["Biobanche", "Ricerca clinica", "Cronicità"]
            )

    def test_listings_and_feeds_do_not_grow_with_the_news(self):
        urls = [
            "/it/notizie/",
            "/en/news/",
            "/it/notizie/tag/biobanche/",
            "/en/news/tag/biobanks/",
            "/it/notizie/2018/",
            "/it/notizie/feed/rss/",
            "/en/news/feed/atom/",
            "/it/",
        ]
        self.grow(1)
        small = {url: query_count(self.client, url) for url in urls}
        self.grow(29)
        large = {url: query_count(self.client, url) for url in urls}
        self.assertEqual(large, small)


class NewsItemTests(NewsTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_news_tree()
        cls.item = cls.add_news(
            title="Piano operativo",
            date=datetime.date(2018, 7, 9),
            tags=["Ricerca clinica", "Cronicità"],
            translate=False,
        )
        NewsPageRelatedPage.objects.create(news_page=cls.item, page=cls.tree.it_about)
        cls.en_item = translate_object(cls.item, cls.tree.english, to_english)

    def test_english_item_shows_english_tags_and_related_pages(self):
        html = self.client.get(self.en_item.url).content.decode()
        self.assertIn('<html lang="en"', html)
        self.assertIn('href="/en/news/tag/clinical-research/">Clinical research</a>', html)
        self.assertNotIn("Cronicità", html)
        self.assertIn('<a href="/en/about/">About us</a>', html)
        self.assertNotIn("chi-siamo", html.split("<main")[1])

    def test_untranslated_related_page_is_left_out_in_english(self):
        italian_only = StandardPageFactory(
            parent=self.tree.it_home, title="Solo italiano", slug="solo"
        )
        NewsPageRelatedPage.objects.create(news_page=self.item, page=italian_only)
        translate_object(self.item, self.tree.english, to_english)
        html = self.client.get(self.en_item.url).content.decode()
        self.assertNotIn("Solo italiano", html)
        self.assertIn("Solo italiano", self.client.get(self.item.url).content.decode())

    def test_structured_data_and_social_metadata(self):
        html = self.client.get(self.en_item.url).content.decode()
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        )
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "EN Piano operativo")
        self.assertEqual(data["datePublished"], "2018-07-09")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["mainEntityOfPage"], "http://testserver" + self.en_item.url)
        self.assertEqual(data["publisher"]["name"], "Lombardy Life Sciences Cluster")
        self.assertIn('<meta property="og:type" content="article">', html)
        self.assertIn('<meta property="og:locale" content="en_GB">', html)
        self.assertIn('<meta property="og:locale:alternate" content="it_IT">', html)

    def test_structured_data_cannot_break_out_of_its_script(self):
        self.item.title = "</script><script>alert(1)</script>"
        self.item.save_revision().publish()
        html = self.client.get(self.item.url).content.decode()
        self.assertNotIn("<script>alert(1)", html)

    def test_first_publication_sets_the_date(self):
        draft = NewsPageFactory.build(title="Bozza", slug="bozza", date=None, live=False)
        self.it_index.add_child(instance=draft)
        self.assertIsNone(NewsPage.objects.get(pk=draft.pk).date)
        draft.save_revision().publish()
        self.assertEqual(NewsPage.objects.get(pk=draft.pk).date, timezone.localdate())


class VideoBlockTests(TestCase):
    def test_video_addresses_become_privacy_friendly_embeds(self):
        cases = {
            "https://www.youtube.com/watch?v=abcDEF12345": "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
            "https://youtu.be/abcDEF12345": "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1",
            "https://vimeo.com/123456": "https://player.vimeo.com/video/123456?autoplay=1&dnt=1",
        }
        for url, embed in cases.items():
            with self.subTest(url=url):
                self.assertEqual(video_embed(url)[1], embed)
        for url in [
            "https://example.org/video",
            "not a url",
            "https://youtube.com/watch?v=<script>",
        ]:
            with self.subTest(url=url):
                self.assertIsNone(video_embed(url))
