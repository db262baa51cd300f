"""Site search as visitors use it, in each language, on any database."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.localization import translate_object
from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from tests.sites import build_bilingual_site, english

ENGLISH = {
    "Notizie": "News",
    "notizie": "news",
    "Le novità del Cluster.": "The Cluster's news.",
    "Biobanche a Bologna": "Biobanks in Bologna",
    "biobanche-bologna": "biobanks-bologna",
    "Una rete di biobanche presentata a Bologna.": "A network of biobanks presented in Bologna.",
    "Bandi europei": "European calls",
    "bandi-europei": "european-calls",
    "Come partecipare ai bandi europei.": "How to take part in European calls.",
}


def to_english(text):
    return ENGLISH.get(text) or english(text)


def result_links(html):
    """The addresses of the search results, in order, promoted ones apart."""
    results = html.split('id="results-heading"', 1)[-1]
    return re.findall(r'class="card__title"><a href="([^"]+)"', results)


def promoted_links(html):
    if 'id="promotions-heading"' not in html:
        return []
    promoted = html.split('id="promotions-heading"', 1)[1].split('id="results-heading"', 1)[0]
    return re.findall(r'class="card__title"><a href="([^"]+)"', promoted)


class SearchTreeMixin:
    @classmethod
    def build_search_tree(cls):
        cls.tree = build_bilingual_site()
        cls.it_index = NewsIndexPageFactory(parent=cls.tree.it_home)
        cls.en_index = translate_object(cls.it_index, cls.tree.english, to_english)
        cls.it_news = NewsPageFactory(
            parent=cls.it_index,
            title="Biobanche a Bologna",
            slug="biobanche-bologna",
            summary="Una rete di biobanche presentata a Bologna.",
        )
        cls.en_news = translate_object(cls.it_news, cls.tree.english, to_english)


class SearchResultsTests(SearchTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_tree()
        cls.italian_only = StandardPageFactory(
            parent=cls.tree.it_home,
            title="Convegno a Bologna",
            slug="convegno-bologna",
            summary="Un convegno che nessuno ha tradotto.",
        )
        StandardPageFactory(
            parent=cls.tree.it_home, title="Bozza su Bologna", slug="bozza-bologna", live=False
        )
        private = StandardPageFactory(
            parent=cls.tree.it_home, title="Riservata Bologna", slug="riservata-bologna"
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="soci"
        )

    def test_the_search_answers_at_a_translated_address_in_each_language(self):
        for url, lang, heading in [
            ("/it/cerca/", "it", "<h1>Ricerca</h1>"),
            ("/en/search/", "en", "<h1>Search</h1>"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn(f'<html lang="{lang}"', html)
                self.assertIn(heading, html)
        self.assertEqual(self.client.get("/it/search/").status_code, 404)
        self.assertEqual(self.client.get("/en/cerca/").status_code, 404)

    def test_results_come_only_from_the_language_of_the_url(self):
        italian = self.client.get("/it/cerca/", {"q": "Bologna"}).content.decode()
        english_html = self.client.get("/en/search/", {"q": "Bologna"}).content.decode()
        self.assertCountEqual(
            result_links(italian), ["/it/notizie/biobanche-bologna/", "/it/convegno-bologna/"]
        )
        self.assertEqual(result_links(english_html), ["/en/news/biobanks-bologna/"])
        self.assertIn("2 risultati per «Bologna»", italian)
        self.assertIn("1 result for “Bologna”", english_html)

    def test_drafts_and_private_pages_are_never_found(self):
        html = self.client.get("/it/cerca/", {"q": "Bozza"}).content.decode()
        self.assertEqual(result_links(html), [])
        html = self.client.get("/it/cerca/", {"q": "Riservata"}).content.decode()
        self.assertEqual(result_links(html), [])
        self.assertIn("0 risultati per «Riservata»", html)

    def test_a_result_shows_its_title_type_date_and_summary(self):
        html = self.client.get("/en/search/", {"q": "biobanks"}).content.decode()
        self.assertIn('<a href="/en/news/biobanks-bologna/">Biobanks in Bologna</a>', html)
        date = self.en_news.date
        self.assertIn(
            f'News item · <time datetime="{date:%Y-%m-%d}">{date.day} {date:%B %Y}</time>', html
        )
        self.assertIn("A network of biobanks presented in Bologna.", html)
        html = self.client.get("/it/cerca/", {"q": "convegno"}).content.decode()
        self.assertIn('<p class="card__meta">Pagina semplice</p>', html)

    def test_every_search_page_asks_not_to_be_indexed(self):
        for url in ["/it/cerca/", "/it/cerca/?q=Bologna", "/en/search/?q=nothing-here"]:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertIn('<meta name="robots" content="noindex">', html)
                self.assertNotIn('rel="canonical"', html)
                self.assertNotIn('hreflang="x-default"', html)

    def test_the_language_switcher_keeps_the_query(self):
        html = self.client.get("/it/cerca/", {"q": "piano operativo"}).content.decode()
        self.assertIn(
            '<a href="/en/search/?q=piano+operativo" hreflang="en" lang="en">English</a>', html
        )
        html = self.client.get("/en/search/").content.decode()
        self.assertIn('<a href="/it/cerca/" hreflang="it" lang="it">Italiano</a>', html)

    def test_the_search_sets_no_cookie(self):
        self.assertEqual(dict(self.client.get("/it/cerca/", {"q": "Bologna"}).cookies), {})


class BadInputTests(SearchTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_tree()

    def test_an_empty_query_answers_with_a_helpful_page(self):
        for params in [{}, {"q": ""}, {"q": "   "}, {"q": "\t\n"}]:
            with self.subTest(params=params):
                response = self.client.get("/it/cerca/", params)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn("Scrivi una o più parole", html)
                self.assertNotIn('id="results-heading"', html)

    def test_odd_characters_never_raise(self):
        for query in [
            "\"'&|!():*<>\\",
            "NEAR AND OR NOT",
            '"biobanche',
            "biobanche*",
            "a:b -c +d ^e",
            "%_%",
            "\x00biobanche\x00",
            "\x1b[31m",
            "😀 🧬",
            "'; DROP TABLE wagtailcore_page; --",
            "¿¡«»—…",
        ]:
            with self.subTest(query=query):
                response = self.client.get("/it/cerca/", {"q": query})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotIn("\x00", html)
                self.assertIn('<meta name="robots" content="noindex">', html)

    def test_punctuation_around_words_still_finds_them(self):
        html = self.client.get("/it/cerca/", {"q": '"biobanche"!'}).content.decode()
        self.assertEqual(result_links(html), ["/it/notizie/biobanche-bologna/"])

    def test_a_query_of_punctuation_only_says_so(self):
        html = self.client.get("/en/search/", {"q": "?!*"}).content.decode()
        self.assertIn("Your search holds no words", html)

    def test_a_very_long_query_is_shortened_and_says_so(self):
        response = self.client.get("/en/search/", {"q": "biobanks " + "x" * 10_000})
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Only the first 100 characters of your search were used.", html)
        self.assertLess(len(html), 20_000)

    def test_bad_page_numbers_give_the_first_page_and_past_the_end_is_a_404(self):
        for page in ["abc", "-1", "0", "1.5", "", "١"]:
            with self.subTest(page=page):
                response = self.client.get("/it/cerca/", {"q": "Bologna", "page": page})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    result_links(response.content.decode()), ["/it/notizie/biobanche-bologna/"]
                )
        for page in ["2", "99999999999999999999"]:
            with self.subTest(page=page):
                response = self.client.get("/it/cerca/", {"q": "Bologna", "page": page})
                self.assertEqual(response.status_code, 404)
                self.assertIn("Pagina non trovata", response.content.decode())

    def test_only_reading_methods_are_allowed(self):
        self.assertEqual(self.client.post("/it/cerca/", {"q": "Bologna"}).status_code, 405)
        self.assertEqual(self.client.head("/it/cerca/?q=Bologna").status_code, 200)


class PaginationTests(SearchTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_tree()
        for number in range(24):
            NewsPageFactory(
                parent=cls.it_index, title=f"Genomica {number}", slug=f"genomica-{number}"
            )

    def test_pages_of_results_keep_the_query(self):
        first = self.client.get("/it/cerca/", {"q": "genomica"}).content.decode()
        self.assertEqual(len(result_links(first)), 10)
        self.assertIn('<a href="?q=genomica&amp;page=2" rel="next">Successiva</a>', first)
        self.assertIn('<a href="?q=genomica&amp;page=3">3</a>', first)
        last = self.client.get("/it/cerca/", {"q": "genomica", "page": "3"}).content.decode()
        self.assertEqual(len(result_links(last)), 4)
        self.assertIn('<a href="?q=genomica&amp;page=2" rel="prev">Precedente</a>', last)
        seen = set()
        for page in ["1", "2", "3"]:
            html = self.client.get("/it/cerca/", {"q": "genomica", "page": page}).content.decode()
            seen.update(result_links(html))
        self.assertEqual(len(seen), 24)


class PromotionTests(SearchTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_tree()
        cls.it_calls = StandardPageFactory(
            parent=cls.tree.it_home,
            title="Bandi europei",
            slug="bandi-europei",
            summary="Come partecipare ai bandi europei.",
        )
        cls.en_calls = translate_object(cls.it_calls, cls.tree.english, to_english)
        # Editors promote a page for a word in each language; "horizon" is the
        # same word in both, and each language must see only its own page.
        horizon = Query.get("Horizon")
        SearchPromotion.objects.create(
            query=horizon, page=cls.it_calls, sort_order=0, description="Tutti i bandi aperti."
        )
        SearchPromotion.objects.create(query=horizon, page=cls.en_calls, sort_order=1)
        SearchPromotion.objects.create(
            query=horizon, external_link_url="https://example.org/", sort_order=2
        )
        draft = StandardPageFactory(parent=cls.tree.it_home, slug="bozza-horizon", live=False)
        SearchPromotion.objects.create(query=horizon, page=draft, sort_order=3)

    def test_each_language_shows_only_its_own_promotions(self):
        italian = self.client.get("/it/cerca/", {"q": "horizon"}).content.decode()
        english_html = self.client.get("/en/search/", {"q": "  HORIZON "}).content.decode()
        self.assertEqual(promoted_links(italian), ["/it/bandi-europei/"])
        self.assertIn("Tutti i bandi aperti.", italian)
        self.assertIn('<h2 id="promotions-heading">In evidenza</h2>', italian)
        self.assertEqual(promoted_links(english_html), ["/en/european-calls/"])
        self.assertIn("How to take part in European calls.", english_html)
        self.assertNotIn("example.org", italian + english_html)

    def test_a_promotion_shows_even_when_no_page_holds_the_word(self):
        html = self.client.get("/it/cerca/", {"q": "horizon"}).content.decode()
        self.assertEqual(result_links(html), [])
        self.assertIn("0 risultati per «horizon»", html)

    def test_other_queries_show_no_promotion(self):
        html = self.client.get("/it/cerca/", {"q": "bandi"}).content.decode()
        self.assertEqual(promoted_links(html), [])
        self.assertEqual(result_links(html), ["/it/bandi-europei/"])


class SearchQueryCountTests(SearchTreeMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_tree()
        # Promoted but without the word, so that every result is a news item:
        # each page type among the results costs one query, by design.
        page = StandardPageFactory(parent=cls.tree.it_home, title="Staminali")
        SearchPromotion.objects.create(query=Query.get("cellule"), page=page, sort_order=0)
        cls.added = 0

    def add_results(self, count):
        for _ in range(count):
            self.added += 1
            NewsPageFactory(
                parent=self.it_index, title=f"Cellule {self.added}", slug=f"cellule-{self.added}"
            )

    def query_count(self, url):
        self.client.get(url)  # warm Wagtail's per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries), result_links(response.content.decode())

    def test_the_search_issues_as_many_queries_for_1_result_as_for_30(self):
        url = "/it/cerca/?q=cellule"
        self.add_results(1)
        small, small_links = self.query_count(url)
        self.add_results(29)
        large, large_links = self.query_count(url)
        self.assertEqual(len(small_links), 1)
        self.assertEqual(len(large_links), 10)
        self.assertEqual(large, small)
        _, second_page = self.query_count(url + "&page=2")
        self.assertEqual(len(second_page), 10)
