"""What search engines read: sitemap, robots.txt, structured data, and a 404 that finds the page."""

import datetime
import re
from io import StringIO

from defusedxml import ElementTree
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage, StandardPage
from members.models import MemberDirectoryPage
from news.models import NewsPage
from tests.demo_pages import DEMO_PAGES
from tests.factories import ImageFactory
from tests.markup import HtmlAssertions, alternates, json_ld
from tests.queries import assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def by_type(blocks):
    return {block["@type"]: block for block in blocks}


class SitemapTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        _news, cls.en_news = tree.add_twins(
            NewsPage,
            title="Approvato il piano",
            slug="approvato-il-piano",
            summary="Il piano operativo del Cluster.",
            # Named: the factory's dates follow a sequence that runs into 2019.
            date=datetime.date(2018, 7, 9),
        )
        tree.add(StandardPage, slug="solo-italiano", translate=False)
        tree.add(StandardPage, slug="bozza", live=False, translate=False)
        private = tree.add(StandardPage, slug="riservata", translate=False)
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="soci"
        )
        tree.add(StandardPage, parent=private, slug="sotto-riservata", translate=False)
        draft_translation = tree.add(StandardPage, slug="tradotta-in-bozza", translate=False)
        tree.translate(draft_translation, publish=False)

    def sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        root = ElementTree.fromstring(response.content)
        self.assertEqual(root.tag, f"{SITEMAP}urlset")
        entries = {}
        for url in root.findall(f"{SITEMAP}url"):
            location = url.findtext(f"{SITEMAP}loc")
            self.assertNotIn(location, entries)
            entries[location] = {
                "lastmod": url.findtext(f"{SITEMAP}lastmod"),
                "alternates": {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall(f"{XHTML}link")
                    if link.get("rel") == "alternate"
                },
            }
        return entries

    def test_it_lists_the_live_public_pages_of_both_languages_and_the_news_years(self):
        base = "http://testserver"
        self.assertEqual(
            set(self.sitemap()),
            {
                f"{base}/it/",
                f"{base}/it/chi-siamo/",
                f"{base}/it/notizie/",
                f"{base}/it/notizie/approvato-il-piano/",
                f"{base}/it/solo-italiano/",
                f"{base}/it/tradotta-in-bozza/",
                f"{base}/en/",
                f"{base}/en/about/",
                f"{base}/en/news/",
                f"{base}/en/news/plan-approved/",
                # Year archives are indexable (docs/seo.md); tag pages are not.
                f"{base}/it/notizie/2018/",
                f"{base}/en/news/2018/",
            },
        )

    def test_translations_name_each_other_as_alternates(self):
        entries = self.sitemap()
        for location, entry in entries.items():
            with self.subTest(location=location):
                alternates = entry["alternates"]
                self.assertEqual(alternates[entry_language(location)], location)
                self.assertIn(alternates["x-default"], entries)
                for code, href in alternates.items():
                    if code != "x-default":
                        self.assertEqual(entries[href]["alternates"], alternates)
        self.assertEqual(
            entries["http://testserver/en/news/plan-approved/"]["alternates"],
            {
                "it": "http://testserver/it/notizie/approvato-il-piano/",
                "en": "http://testserver/en/news/plan-approved/",
                "x-default": "http://testserver/it/notizie/approvato-il-piano/",
            },
        )
        # An English draft is no alternate: Italian only, as the page's own head says.
        self.assertEqual(
            set(entries["http://testserver/it/tradotta-in-bozza/"]["alternates"]),
            {"it", "x-default"},
        )

    def test_the_sitemap_and_the_page_head_announce_the_same_alternates(self):
        entries = self.sitemap()
        for location in ["http://testserver/it/notizie/", "http://testserver/it/solo-italiano/"]:
            with self.subTest(location=location):
                html = self.page_html(location)
                head = alternates(html)
                self.assertEqual(head, entries[location]["alternates"])

    def test_each_url_carries_its_last_publication_date(self):
        entries = self.sitemap()
        self.en_news.refresh_from_db()
        self.assertEqual(
            entries["http://testserver/en/news/plan-approved/"]["lastmod"],
            f"{self.en_news.last_published_at:%Y-%m-%d}",
        )

    def test_the_sitemap_query_count_does_not_grow_with_the_pages(self):
        assert_queries_do_not_grow(
            self,
            ["/sitemap.xml"],
            lambda number: self.tree.add(StandardPage, slug=f"altra-{number}"),
        )
        # The pages, and the year archive of each news index.
        self.assertEqual(len(self.sitemap()), 72)


def entry_language(location):
    return location.split("/")[3]


class RobotsTests(BilingualSiteTestCase):
    def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertEqual(
            response.content.decode(),
            "User-agent: *\nDisallow: /admin/\n\nSitemap: http://testserver/sitemap.xml\n",
        )


class DemoSiteSeoTests(HtmlAssertions, TestCase):
    """The demo site, where every page type has a page in both languages."""

    @classmethod
    def setUpTestData(cls):
        call_command("build_demo_site", base_url="http://testserver", stdout=StringIO())

    def pages(self):
        return Page.objects.live().filter(depth__gte=2).specific().order_by("path")

    def test_the_demo_searches_find_each_language_news_item_only(self):
        italian = self.client.get("/it/cerca/", {"q": "piano operativo"}).content.decode()
        english_html = self.client.get("/en/search/", {"q": "operating plan"}).content.decode()
        italian_item = 'href="/it/notizie/piano-operativo-2018/"'
        english_item = 'href="/en/news/operating-plan-2018/"'
        self.assertHtmlContains(italian, present=[italian_item], absent=[english_item])
        self.assertHtmlContains(english_html, present=[english_item], absent=[italian_item])

    def test_the_sitemap_lists_every_live_page_of_the_demo(self):
        root = ElementTree.fromstring(self.client.get("/sitemap.xml").content)
        urls = root.findall(f"{SITEMAP}url")
        listed = {url.findtext(f"{SITEMAP}loc") for url in urls}
        pages = {page.full_url for page in self.pages()}
        # Pages, and the members at routes of each language's directory.
        members = {
            url["location"]
            for directory in MemberDirectoryPage.objects.live()
            for url in directory.get_sitemap_urls()
        }
        self.assertIn("http://testserver/en/members/alfa-biotech-demo/", members)
        self.assertLessEqual(pages | members, listed)
        # Besides those, only the year archives of the news and events (docs/seo.md).
        others = listed - pages - members
        self.assertTrue(others)
        self.assertTrue(
            all(re.search(r"/(notizie|news|eventi|events)/\d{4}/$", url) for url in others)
        )
        self.assertTrue(all(url.findtext(f"{SITEMAP}lastmod") for url in urls))
        self.assertIn("http://testserver/en/news/operating-plan-2018/", listed)

    def test_home_pages_describe_the_organisation_and_the_site_search(self):
        for url, lang, search in [
            ("/it/", "it", "http://testserver/it/cerca/?q={search_term_string}"),
            ("/en/", "en", "http://testserver/en/search/?q={search_term_string}"),
        ]:
            with self.subTest(url=url):
                blocks = by_type(json_ld(self.client.get(url).content.decode()))
                self.assertNotIn("BreadcrumbList", blocks)
                organisation = blocks["Organization"]
                self.assertEqual(organisation["@context"], "https://schema.org")
                self.assertEqual(organisation["url"], f"http://testserver{url}")
                self.assertEqual(organisation["@id"], "http://testserver/#organization")
                self.assertTrue(organisation["name"])
                website = blocks["WebSite"]
                self.assertEqual(website["url"], f"http://testserver{url}")
                self.assertEqual(website["inLanguage"], lang)
                self.assertEqual(website["publisher"], {"@id": organisation["@id"]})
                action = website["potentialAction"]
                self.assertEqual(action["@type"], "SearchAction")
                self.assertEqual(action["target"]["urlTemplate"], search)
                self.assertEqual(action["query-input"], "required name=search_term_string")
                # The template works: the search it names answers.
                query_url = search.replace("http://testserver", "").replace(
                    "{search_term_string}", "cluster"
                )
                self.assertEqual(self.client.get(query_url).status_code, 200)

    def test_the_english_home_names_the_organisation_in_english(self):
        blocks = by_type(json_ld(self.client.get("/en/").content.decode()))
        self.assertEqual(blocks["Organization"]["name"], "Lombardy Life Sciences Cluster")
        blocks = by_type(json_ld(self.client.get("/it/").content.decode()))
        self.assertEqual(blocks["Organization"]["name"], "Cluster Lombardo Scienze della Vita")

    def test_every_deeper_page_has_a_breadcrumb_trail_from_its_home(self):
        checked = set()
        for page in self.pages():
            if isinstance(page, HomePage):
                continue
            with self.subTest(url=page.url):
                blocks = by_type(json_ld(self.client.get(page.url).content.decode()))
                trail = blocks["BreadcrumbList"]["itemListElement"]
                self.assertEqual([item["position"] for item in trail], list(range(1, page.depth)))
                home = page.get_ancestors().get(depth=2)
                self.assertEqual(trail[0]["item"], home.full_url)
                self.assertEqual(trail[-1]["item"], page.full_url)
                self.assertEqual(trail[-1]["name"], page.title)
                self.assertTrue(all(item["@type"] == "ListItem" for item in trail))
                checked.add(type(page).__name__)
        self.assertLessEqual(
            {"StandardPage", "NewsIndexPage", "NewsPage", "EventIndexPage", "EventPage"}, checked
        )

    def test_news_and_events_keep_their_own_structured_data(self):
        news = by_type(json_ld(self.client.get("/en/news/operating-plan-2018/").content.decode()))
        self.assertEqual(news["NewsArticle"]["inLanguage"], "en")
        self.assertTrue(news["NewsArticle"]["headline"])
        self.assertTrue(news["NewsArticle"]["datePublished"])
        event = by_type(
            json_ld(
                self.client.get("/it/eventi/meet-in-italy-for-life-sciences-2018/").content.decode()
            )
        )
        self.assertEqual(event["Event"]["startDate"], "2018-10-10")
        self.assertIn("location", event["Event"])
        self.assertIn("BreadcrumbList", event)

    def test_every_page_has_description_canonical_and_social_tags(self):
        for path, _lang in DEMO_PAGES:
            response = self.client.get(path)
            # Pages kept out of search engines (searches, filtered lists) need none of it.
            if response.status_code != 200 or 'content="noindex"' in response.content.decode():
                continue
            with self.subTest(path=path):
                html = response.content.decode()
                self.assertRegex(html, r'<meta name="description" content="[^"]+">')
                self.assertRegex(html, r'<link rel="canonical" href="http://testserver/')
                self.assertHtmlContains(
                    html,
                    present=[
                        '<meta property="og:title"',
                        '<meta property="og:url"',
                        '<meta name="twitter:card"',
                    ],
                )


class PageHeadTests(BilingualSiteTestCase):
    def test_the_page_description_wins_over_its_summary(self):
        self.tree.add(
            StandardPage,
            slug="con-descrizione",
            summary="Il sommario.",
            search_description="La descrizione per i motori di ricerca.",
            translate=False,
        )
        self.tree.add(StandardPage, slug="senza", summary="Solo il sommario.", translate=False)
        html = self.page_html("/it/con-descrizione/")
        self.assertIn(
            '<meta name="description" content="La descrizione per i motori di ricerca.">', html
        )
        html = self.page_html("/it/senza/")
        self.assertIn('<meta name="description" content="Solo il sommario.">', html)

    def test_a_page_with_an_image_shares_a_rendition_of_it(self):
        self.tree.add(StandardPage, slug="con-immagine", image=ImageFactory(), translate=False)
        html = self.page_html("/it/con-immagine/")
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        self.assertRegex(image.group(1), r"^http://testserver/media/images/.+fill-1200x630.+\.jpg$")
        self.assertHtmlContains(
            html,
            present=[
                '<meta property="og:image:alt" content="Laboratorio di ricerca',
                '<meta name="twitter:card" content="summary_large_image">',
            ],
        )
