"""What each kind of URL says to search engines and to the language switcher (docs/seo.md)."""

import datetime
import re
from unittest import mock

from defusedxml import ElementTree

from news.models import NewsIndexPage, NewsPage
from tests.markup import alternates
from tests.sites import BilingualSiteTestCase

BASE = "http://testserver"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def head_of(html):
    """Title, description, robots and canonical URLs of a page."""
    return {
        "title": re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1),
        "description": re.findall(r'<meta name="description" content="([^"]*)">', html),
        "robots": re.findall(r'<meta name="robots" content="([^"]*)">', html),
        "canonical": re.findall(r'<link rel="canonical" href="([^"]*)">', html),
    }


class UrlFactsTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add_tag("Ricerca clinica")
        tree.add_tag("Biobanche")
        tree.add(
            NewsPage,
            title="Ricerca in corsia",
            date=datetime.date(2018, 5, 4),
            tags=["Ricerca clinica"],
        )
        tree.add(
            NewsPage,
            title="Solo in italiano",
            date=datetime.date(2019, 3, 2),
            tags=["Biobanche"],
            translate=False,
        )

    def test_a_year_archive_names_itself_and_the_same_year_in_the_other_language(self):
        pair = {"it": f"{BASE}/it/notizie/2018/", "en": f"{BASE}/en/news/2018/"}
        expected = {**pair, "x-default": pair["it"]}
        for url in pair.values():
            with self.subTest(url=url):
                html = self.page_html(url)
                self.assertEqual(alternates(html), expected)
                self.assertEqual(head_of(html)["canonical"], [url])
                self.assertEqual(head_of(html)["robots"], [])
        english = self.page_html("/en/news/2018/")
        self.assertHtmlContains(
            english, present=['<a href="/it/notizie/2018/" hreflang="it" lang="it">']
        )
        head = head_of(english)
        self.assertIn("News from 2018", head["title"])
        self.assertEqual(
            head["description"], ["News of 2018 from the Lombardy Life Sciences Cluster."]
        )
        italian = head_of(self.page_html("/it/notizie/2018/"))
        self.assertEqual(
            italian["description"], ["Le notizie del 2018 dal Cluster Lombardo Scienze della Vita."]
        )
        self.assertNotEqual(
            italian["description"], head_of(self.page_html("/it/notizie/"))["description"]
        )

    def test_a_year_without_counterpart_names_only_itself_and_the_switcher_says_so(self):
        html = self.page_html("/it/notizie/2019/")
        self.assertEqual(
            alternates(html),
            {"it": f"{BASE}/it/notizie/2019/", "x-default": f"{BASE}/it/notizie/2019/"},
        )
        self.assertHtmlContains(
            html,
            present=[
                '<a href="/en/news/" hreflang="en" lang="en" aria-describedby="lang-note-en">',
                "Questo elenco non ha un corrispondente nell’altra lingua",
            ],
        )
        # And the English index does not claim it.
        self.assertNotIn("2019", str(alternates(self.page_html("/en/news/"))))

    def test_a_tag_page_pairs_with_the_translated_tag_and_is_not_indexed(self):
        pair = {
            "it": f"{BASE}/it/notizie/tag/ricerca-clinica/",
            "en": f"{BASE}/en/news/tag/clinical-research/",
        }
        for url in pair.values():
            with self.subTest(url=url):
                html = self.page_html(url)
                self.assertEqual(alternates(html), {**pair, "x-default": pair["it"]})
                self.assertEqual(head_of(html)["robots"], ["noindex"])
        head = head_of(self.page_html("/en/news/tag/clinical-research/"))
        self.assertEqual(
            head["description"],
            ["News about “Clinical research” from the Lombardy Life Sciences Cluster."],
        )
        # Biobanks is translated, but no English news carries it: no counterpart.
        lonely = self.page_html("/it/notizie/tag/biobanche/")
        self.assertEqual(set(alternates(lonely)), {"it", "x-default"})
        self.assertIn('<a href="/en/news/" hreflang="en"', lonely)

    def test_later_pages_of_a_list_name_only_themselves_and_are_not_indexed(self):
        with mock.patch.object(NewsIndexPage, "per_page", 1):
            html = self.page_html("/it/notizie/", {"page": "2"})
            first = self.page_html("/it/notizie/")
        head = head_of(html)
        self.assertEqual(head["canonical"], [f"{BASE}/it/notizie/?page=2"])
        self.assertEqual(alternates(html), {})
        self.assertEqual(head["robots"], ["noindex"])
        self.assertIn(", pagina 2", head["title"])
        self.assertIn("pagina 2 di 2", head["description"][0])
        # The first page is the index itself.
        self.assertEqual(head_of(first)["canonical"], [f"{BASE}/it/notizie/"])
        self.assertEqual(head_of(first)["robots"], [])

    def test_the_search_has_a_description_and_alternates_and_is_not_indexed(self):
        html = self.page_html("/en/search/", {"q": "plan"})
        head = head_of(html)
        self.assertEqual(head["robots"], ["noindex"])
        self.assertEqual(head["canonical"], [f"{BASE}/en/search/?q=plan"])
        self.assertTrue(head["description"][0])
        self.assertEqual(
            alternates(html),
            {
                "it": f"{BASE}/it/cerca/?q=plan",
                "en": f"{BASE}/en/search/?q=plan",
                "x-default": f"{BASE}/it/cerca/?q=plan",
            },
        )

    def test_the_sitemap_lists_years_with_their_alternates_and_no_tag_page(self):
        root = ElementTree.fromstring(self.client.get("/sitemap.xml").content)
        entries = {
            url.findtext(f"{SITEMAP}loc"): {
                link.get("hreflang"): link.get("href")
                for link in url.findall("{http://www.w3.org/1999/xhtml}link")
            }
            for url in root.findall(f"{SITEMAP}url")
        }
        self.assertEqual(set(entries[f"{BASE}/it/notizie/2019/"]), {"it", "x-default"})
        self.assertEqual(
            entries[f"{BASE}/en/news/2018/"],
            alternates(self.page_html("/en/news/2018/")),
        )
        self.assertFalse([location for location in entries if "/tag/" in location])

    def test_feeds_declare_the_language_code(self):
        rss = self.client.get("/en/news/feed/rss/").content.decode()
        self.assertIn("<language>en</language>", rss)
        atom = self.client.get("/it/notizie/feed/atom/").content.decode()
        self.assertIn('xml:lang="it"', atom)
