"""Site search as visitors use it, in each language, on any database."""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from news.models import NewsPage
from tests.markup import result_links
from tests.queries import INDEX_BUDGET, query_count
from tests.sites import BilingualSiteTestCase


def promoted_links(html):
    if 'id="promotions-heading"' not in html:
        return []
    promoted = html.split('id="promotions-heading"', 1)[1].split('id="results-heading"', 1)[0]
    return re.findall(r'class="card__title"><a href="([^"]+)"', promoted)


def add_bologna_news(tree):
    """The news item about Bologna that searches look for, as `(italian, english)`."""
    return tree.add_twins(
        NewsPage,
        title="Biobanche a Bologna",
        slug="biobanche-bologna",
        summary="Una rete di biobanche presentata a Bologna.",
    )


class SearchResultsTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        _it_news, cls.en_news = add_bologna_news(tree)
        cls.italian_only = tree.add(
            StandardPage,
            title="Convegno a Bologna",
            slug="convegno-bologna",
            summary="Un convegno che nessuno ha tradotto.",
            translate=False,
        )
        tree.add(
            StandardPage,
            title="Bozza su Bologna",
            slug="bozza-bologna",
            live=False,
            translate=False,
        )
        private = tree.add(
            StandardPage, title="Riservata Bologna", slug="riservata-bologna", translate=False
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="soci"
        )

    def test_the_search_answers_at_a_translated_address_in_each_language(self):
        self.assertPagesSpeak(
            [("/it/cerca/", "it", "<h1>Ricerca</h1>"), ("/en/search/", "en", "<h1>Search</h1>")]
        )
        self.assertEqual(self.client.get("/it/search/").status_code, 404)
        self.assertEqual(self.client.get("/en/cerca/").status_code, 404)

    def test_results_come_only_from_the_language_of_the_url(self):
        italian = self.page_html("/it/cerca/", {"q": "Bologna"})
        english_html = self.page_html("/en/search/", {"q": "Bologna"})
        self.assertCountEqual(
            result_links(italian), ["/it/notizie/biobanche-bologna/", "/it/convegno-bologna/"]
        )
        self.assertEqual(result_links(english_html), ["/en/news/biobanks-bologna/"])
        self.assertIn("2 risultati per «Bologna»", italian)
        self.assertIn("1 result for “Bologna”", english_html)

    def test_drafts_and_private_pages_are_never_found(self):
        html = self.page_html("/it/cerca/", {"q": "Bozza"})
        self.assertEqual(result_links(html), [])
        html = self.page_html("/it/cerca/", {"q": "Riservata"})
        self.assertEqual(result_links(html), [])
        self.assertIn("0 risultati per «Riservata»", html)

    def test_a_result_shows_its_title_type_date_and_summary(self):
        date = self.en_news.date
        self.assertHtmlContains(
            self.page_html("/en/search/", {"q": "biobanks"}),
            present=[
                '<a href="/en/news/biobanks-bologna/">Biobanks in Bologna</a>',
                f'News item · <time datetime="{date:%Y-%m-%d}">{date.day} {date:%B %Y}</time>',
                "A network of biobanks presented in Bologna.",
            ],
        )
        html = self.page_html("/it/cerca/", {"q": "convegno"})
        self.assertIn('<p class="card__meta">Pagina semplice</p>', html)

    def test_every_search_page_asks_not_to_be_indexed(self):
        # Not indexed, yet named like any URL (docs/seo.md): itself, and the same search
        # in the other language.
        for url, other in [
            ("/it/cerca/", "/en/search/"),
            ("/it/cerca/?q=Bologna", "/en/search/?q=Bologna"),
            ("/en/search/?q=nothing-here", "/it/cerca/?q=nothing-here"),
        ]:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.page_html(url),
                    present=[
                        '<meta name="robots" content="noindex">',
                        f'<link rel="canonical" href="http://testserver{url}">',
                        f'hreflang="{other[1:3]}" href="http://testserver{other}"',
                        '<meta name="description" content="',
                    ],
                )

    def test_the_language_switcher_keeps_the_query(self):
        html = self.page_html("/it/cerca/", {"q": "piano operativo"})
        self.assertIn(
            '<a href="/en/search/?q=piano+operativo" hreflang="en" lang="en">English</a>', html
        )
        html = self.page_html("/en/search/")
        self.assertIn('<a href="/it/cerca/" hreflang="it" lang="it">Italiano</a>', html)

    def test_the_search_sets_no_cookie(self):
        self.assertEqual(dict(self.client.get("/it/cerca/", {"q": "Bologna"}).cookies), {})


class BadInputTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        add_bologna_news(tree)

    def test_an_empty_query_answers_with_a_helpful_page(self):
        for params in [{}, {"q": ""}, {"q": "   "}, {"q": "\t\n"}]:
            with self.subTest(params=params):
                self.assertHtmlContains(
                    self.page_html("/it/cerca/", params),
                    present=["Scrivi una o più parole"],
                    absent=['id="results-heading"'],
                )

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
                self.assertHtmlContains(
                    self.page_html("/it/cerca/", {"q": query}),
                    present=['<meta name="robots" content="noindex">'],
                    absent=["\x00"],
                )

    def test_punctuation_around_words_still_finds_them(self):
        html = self.page_html("/it/cerca/", {"q": '"biobanche"!'})
        self.assertEqual(result_links(html), ["/it/notizie/biobanche-bologna/"])

    def test_a_query_of_punctuation_only_says_so(self):
        html = self.page_html("/en/search/", {"q": "?!*"})
        self.assertIn("Your search holds no words", html)

    def test_a_very_long_query_is_shortened_and_says_so(self):
        html = self.page_html("/en/search/", {"q": "biobanks " + "x" * 10_000})
        self.assertIn("Only the first 100 characters of your search were used.", html)
        self.assertLess(len(html), 20_000)

    def test_bad_page_numbers_give_the_first_page_and_past_the_end_is_a_404(self):
        for page in ["abc", "-1", "0", "1.5", "", "١"]:
            with self.subTest(page=page):
                html = self.page_html("/it/cerca/", {"q": "Bologna", "page": page})
                self.assertEqual(result_links(html), ["/it/notizie/biobanche-bologna/"])
        for page in ["2", "99999999999999999999"]:
            with self.subTest(page=page):
                html = self.page_html("/it/cerca/", {"q": "Bologna", "page": page}, status=404)
                self.assertIn("Pagina non trovata", html)

    def test_only_reading_methods_are_allowed(self):
        self.assertEqual(self.client.post("/it/cerca/", {"q": "Bologna"}).status_code, 405)
        self.assertEqual(self.client.head("/it/cerca/?q=Bologna").status_code, 200)


class PaginationTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        for number in range(24):
            tree.add(
                NewsPage, title=f"Genomica {number}", slug=f"genomica-{number}", translate=False
            )

    def test_pages_of_results_keep_the_query(self):
        first = self.page_html("/it/cerca/", {"q": "genomica"})
        self.assertEqual(len(result_links(first)), 10)
        self.assertHtmlContains(
            first,
            present=[
                '<a href="?q=genomica&amp;page=2" rel="next">Successiva</a>',
                '<a href="?q=genomica&amp;page=3">3</a>',
            ],
        )
        last = self.page_html("/it/cerca/", {"q": "genomica", "page": "3"})
        self.assertEqual(len(result_links(last)), 4)
        self.assertIn('<a href="?q=genomica&amp;page=2" rel="prev">Precedente</a>', last)
        seen = set()
        for page in ["1", "2", "3"]:
            html = self.page_html("/it/cerca/", {"q": "genomica", "page": page})
            seen.update(result_links(html))
        self.assertEqual(len(seen), 24)


class PromotionTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        it_calls, en_calls = tree.add_twins(
            StandardPage,
            title="Bandi europei",
            slug="bandi-europei",
            summary="Come partecipare ai bandi europei.",
        )
        # Editors promote a page for a word in each language; "horizon" is the
        # same word in both, and each language must see only its own page.
        horizon = Query.get("Horizon")
        SearchPromotion.objects.create(
            query=horizon, page=it_calls, sort_order=0, description="Tutti i bandi aperti."
        )
        SearchPromotion.objects.create(query=horizon, page=en_calls, sort_order=1)
        SearchPromotion.objects.create(
            query=horizon, external_link_url="https://example.org/", sort_order=2
        )
        draft = tree.add(StandardPage, slug="bozza-horizon", live=False, translate=False)
        SearchPromotion.objects.create(query=horizon, page=draft, sort_order=3)

    def test_each_language_shows_only_its_own_promotions(self):
        italian = self.page_html("/it/cerca/", {"q": "horizon"})
        english_html = self.page_html("/en/search/", {"q": "  HORIZON "})
        self.assertEqual(promoted_links(italian), ["/it/bandi-europei/"])
        self.assertHtmlContains(
            italian,
            present=["Tutti i bandi aperti.", '<h2 id="promotions-heading">In evidenza</h2>'],
            absent=["example.org"],
        )
        self.assertEqual(promoted_links(english_html), ["/en/european-calls/"])
        self.assertHtmlContains(
            english_html,
            present=["How to take part in European calls."],
            absent=["example.org"],
        )

    def test_a_promotion_shows_even_when_no_page_holds_the_word(self):
        html = self.page_html("/it/cerca/", {"q": "horizon"})
        self.assertEqual(result_links(html), [])
        self.assertIn("0 risultati per «horizon»", html)

    def test_other_queries_show_no_promotion(self):
        html = self.page_html("/it/cerca/", {"q": "bandi"})
        self.assertEqual(promoted_links(html), [])
        self.assertEqual(result_links(html), ["/it/bandi-europei/"])


class SearchQueryCountTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        # Promoted but without the word, so that every result is a news item:
        # each page type among the results costs one query, by design.
        page = tree.add(StandardPage, title="Staminali", translate=False)
        SearchPromotion.objects.create(query=Query.get("cellule"), page=page, sort_order=0)

    def add_results(self, numbers):
        for number in numbers:
            self.tree.add(
                NewsPage, title=f"Cellule {number}", slug=f"cellule-{number}", translate=False
            )

    def result_count(self, url):
        return len(result_links(self.page_html(url)))

    def test_the_search_issues_as_many_queries_for_1_result_as_for_30(self):
        url = "/it/cerca/?q=cellule"
        self.add_results(range(1))
        small = query_count(self.client, url)
        self.assertLessEqual(small, INDEX_BUDGET)
        self.assertEqual(self.result_count(url), 1)
        self.add_results(range(1, 30))
        self.assertEqual(query_count(self.client, url), small)
        self.assertEqual(self.result_count(url), 10)
        self.assertEqual(self.result_count(url + "&page=2"), 10)
