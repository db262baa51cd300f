"""News as editors publish it and visitors read it, in both languages."""

import datetime

import feedparser
from django.test import TestCase
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from home.blocks import video_embed
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage, NewsPageRelatedPage
from tests.admin import EditorTestCase
from tests.factories import PAGE_FACTORIES
from tests.markup import card_titles, json_ld
from tests.queries import INDEX_BUDGET, assert_queries_do_not_grow, budgets
from tests.sites import BilingualSiteTestCase


def add_tags(tree):
    """Two tags translated as tags, and one translated only with the pages that carry it."""
    tree.add_tag("Ricerca clinica")
    tree.add_tag("Biobanche")
    tree.add_tag("Cronicità", translate=False)


class NewsAdminTests(EditorTestCase):
    @classmethod
    def build(cls, tree):
        add_tags(tree)

    def test_editor_publishes_a_tagged_news_item_dated_the_day_of_publication(self):
        item = self.create_in_admin(
            self.tree.index(NewsIndexPage),
            NewsPage,
            title="Nuovo bando europeo",
            slug="nuovo-bando",
            date="",
            summary="Un bando per le imprese.",
            tags="Biobanche, Ricerca clinica",
            body=streamfield([("paragraph", rich_text("<p>Testo della notizia.</p>"))]),
            **{"action-publish": "publish"},
        )
        self.assertTrue(item.live)
        self.assertEqual(item.date, timezone.localdate())
        self.assertEqual(sorted(t.name for t in item.tags.all()), ["Biobanche", "Ricerca clinica"])
        self.assertEqual({t.locale.language_code for t in item.tags.all()}, {"it"})


class NewsListingTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        add_tags(tree)
        cls.older = tree.add(
            NewsPage,
            title="Biobanche in rete",
            date=datetime.date(2017, 5, 2),
            tags=["Biobanche", "Cronicità"],
        )
        cls.newer = tree.add(
            NewsPage,
            title="Piano operativo",
            date=datetime.date(2018, 7, 9),
            tags=["Ricerca clinica"],
        )
        cls.italian_only = tree.add(
            NewsPage, title="Solo in italiano", date=datetime.date(2018, 8, 1), translate=False
        )

    def titles(self, url, **params):
        return card_titles(self.page_html(url, params), level=2)

    def test_index_lists_newest_first_in_its_own_language(self):
        self.assertEqual(
            self.titles("/it/notizie/"),
            ["Solo in italiano", "Piano operativo", "Biobanche in rete"],
        )
        self.assertEqual(self.titles("/en/news/"), ["EN Piano operativo", "EN Biobanche in rete"])

    def test_cards_show_localised_dates_and_tags(self):
        italian = self.page_html("/it/notizie/")
        english_html = self.page_html("/en/news/")
        self.assertHtmlContains(
            italian,
            present=[
                '<time datetime="2018-07-09">9 luglio 2018</time>',
                'href="/it/notizie/tag/ricerca-clinica/">Ricerca clinica</a>',
            ],
        )
        self.assertHtmlContains(
            english_html,
            present=[
                '<time datetime="2018-07-09">9 July 2018</time>',
                'href="/en/news/tag/clinical-research/">Clinical research</a>',
                'href="/en/news/tag/chronic-care/">Chronic care</a>',
            ],
            absent=["Cronicità", "Ricerca clinica"],
        )

    def test_bad_page_numbers_give_the_first_page_or_a_404(self):
        for raw in ["", "abc", "0", "-1", "1.5", "%00"]:
            with self.subTest(page=raw):
                self.assertEqual(self.titles("/it/notizie/", page=raw)[0], "Solo in italiano")
        html = self.page_html("/it/notizie/", {"page": "99"}, status=404)
        self.assertIn("Pagina non trovata", html)

    def test_pagination_splits_long_lists(self):
        NewsIndexPage.per_page = 2
        self.addCleanup(setattr, NewsIndexPage, "per_page", 12)
        self.assertEqual(len(self.titles("/it/notizie/")), 2)
        self.assertEqual(self.titles("/it/notizie/", page=2), ["Biobanche in rete"])
        self.assertIn('rel="next"', self.page_html("/it/notizie/"))

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
        self.tree.add_tag("Neuroscienze")
        html = self.page_html("/en/news/tag/neuroscience/")
        self.assertIn("No news with this tag yet.", html)

    def test_year_archive(self):
        self.assertEqual(self.titles("/it/notizie/2017/"), ["Biobanche in rete"])
        self.assertEqual(self.titles("/en/news/2018/"), ["EN Piano operativo"])
        html = self.page_html("/it/notizie/2016/")
        self.assertIn("Nessuna notizia per questo anno.", html)
        self.assertIn('href="/it/notizie/2017/"', self.page_html("/it/notizie/"))
        self.assertEqual(self.client.get("/it/notizie/0999/").status_code, 404)

    def test_home_shows_the_three_latest_news_of_its_language(self):
        self.tree.add(NewsPage, title="Terza", date=datetime.date(2019, 1, 1))
        self.tree.add(NewsPage, title="Quarta", date=datetime.date(2019, 2, 1))
        html = self.page_html("/en/")
        self.assertEqual(
            card_titles(html, level=3), ["EN Quarta", "EN Terza", "EN Piano operativo"]
        )

    def test_every_page_links_its_language_feeds(self):
        self.assertHtmlContains(
            self.page_html("/en/about/"),
            present=[
                'type="application/rss+xml" title="News (RSS)" href="http://testserver/en/news/feed/rss/"',
                'type="application/atom+xml" title="News (Atom)" href="http://testserver/en/news/feed/atom/"',
            ],
        )


class NewsFeedTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add(NewsPage, title="Piano operativo", date=datetime.date(2018, 7, 9))
        tree.add(NewsPage, title="Solo in italiano", translate=False)

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


class NewsQueryCountTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        add_tags(tree)

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
        assert_queries_do_not_grow(
            self,
            urls,
            lambda _number: self.tree.add(
                NewsPage,
                date=datetime.date(2018, 3, 1),
                tags=["Biobanche", "Ricerca clinica", "Cronicità"],
            ),
            ceilings=budgets(urls, INDEX_BUDGET),
        )


class NewsItemTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        add_tags(tree)
        cls.item = tree.add(
            NewsPage,
            title="Piano operativo",
            date=datetime.date(2018, 7, 9),
            tags=["Ricerca clinica", "Cronicità"],
            translate=False,
        )
        NewsPageRelatedPage.objects.create(news_page=cls.item, page=tree.it_about)
        cls.en_item = tree.translate(cls.item)

    def test_english_item_shows_english_tags_and_related_pages(self):
        html = self.page_html(self.en_item.url)
        self.assertHtmlContains(
            html,
            present=[
                '<html lang="en"',
                'href="/en/news/tag/clinical-research/">Clinical research</a>',
                '<a href="/en/about/">About us</a>',
                ">Chronic care<",
            ],
            absent=["Cronicità"],
        )
        self.assertNotIn("chi-siamo", html.split("<main")[1])

    def test_untranslated_related_page_is_left_out_in_english(self):
        italian_only = self.tree.add(
            StandardPage, title="Solo italiano", slug="solo", translate=False
        )
        NewsPageRelatedPage.objects.create(news_page=self.item, page=italian_only)
        self.tree.translate(self.item)
        html = self.page_html(self.en_item.url)
        self.assertNotIn("Solo italiano", html)
        self.assertIn("Solo italiano", self.page_html(self.item.url))

    def test_structured_data_and_social_metadata(self):
        html = self.page_html(self.en_item.url)
        data = json_ld(html)[0]
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "EN Piano operativo")
        self.assertEqual(data["datePublished"], "2018-07-09")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["mainEntityOfPage"], "http://testserver" + self.en_item.url)
        self.assertEqual(data["publisher"]["name"], "Lombardy Life Sciences Cluster")
        self.assertHtmlContains(
            html,
            present=[
                '<meta property="og:type" content="article">',
                '<meta property="og:locale" content="en_GB">',
                '<meta property="og:locale:alternate" content="it_IT">',
            ],
        )

    def test_structured_data_cannot_break_out_of_its_script(self):
        self.item.title = "</script><script>alert(1)</script>"
        self.item.save_revision().publish()
        html = self.page_html(self.item.url)
        self.assertNotIn("<script>alert(1)", html)

    def test_first_publication_sets_the_date(self):
        draft = PAGE_FACTORIES[NewsPage].build(title="Bozza", slug="bozza", date=None, live=False)
        self.tree.index(NewsIndexPage).add_child(instance=draft)
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
