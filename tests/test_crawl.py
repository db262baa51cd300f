"""The demo site crawled in both languages, as search engines, feed readers and calendars read it.

From /it/, /en/, a search in each language and /sitemap.xml, every internal
link (<a href>, <link href>, <script src>, <img src/srcset>, <source srcset>)
is followed once. The crawl runs once for the class (`crawl_demo_site`); each
test checks one rule of docs/seo.md over all that it found. `Crawl.documents`
holds the HTML of every page by URL, for checkers that read whole documents.
"""

import itertools
from collections import Counter
from dataclasses import dataclass, field
from io import StringIO
from urllib.parse import urljoin, urlsplit

import feedparser
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client, TestCase
from icalendar import Calendar

from tests import html_validator
from tests.events.ical_rules import rfc5545_problems

BASE = "http://testserver"
START = ["/it/", "/en/", "/it/cerca/?q=cluster", "/en/search/?q=cluster", "/sitemap.xml"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Never crawled: the admin is not public, and a document is a download (HEAD is enough).
SKIPPED_PREFIXES = ("/admin/",)
HEAD_ONLY_PREFIXES = ("/documents/",)
LINK_ATTRIBUTES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")]
SRCSET_TAGS = ["img", "source"]
FEED_TYPES = ("application/rss+xml", "application/atom+xml")


@dataclass
class Page:
    """What one HTML page says about itself in its head."""

    url: str
    lang: str
    title: str
    canonicals: list
    alternates: dict
    descriptions: list
    robots: str
    headings: list

    @property
    def indexable(self):
        return "noindex" not in self.robots

    @property
    def is_paginated(self):
        return "page=" in urlsplit(self.url).query


@dataclass
class Crawl:
    """Everything the crawl found, by URL (path and query, without the host)."""

    statuses: dict = field(default_factory=dict)
    # URL -> the URLs of the pages that link to it, for the messages.
    referrers: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    feeds: dict = field(default_factory=dict)
    calendars: dict = field(default_factory=dict)
    sitemap: dict = field(default_factory=dict)
    missing_assets: set = field(default_factory=set)


def internal_url(href, base_url):
    """The link's path and query on this site, or None for another site, a mail or a fragment."""
    absolute = urljoin(BASE + base_url, href.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def page_links(soup):
    for tag, attribute in LINK_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            yield element[attribute]
    for tag in SRCSET_TAGS:
        for element in soup.find_all(tag, attrs={"srcset": True}):
            for candidate in element["srcset"].split(","):
                if candidate.strip():
                    yield candidate.split()[0]


def read_page(url, html):
    soup = BeautifulSoup(html, "html.parser")
    head = soup.head
    return soup, Page(
        url=url,
        lang=soup.html.get("lang", ""),
        title=head.title.get_text() if head.title else "",
        canonicals=[link["href"] for link in head.find_all("link", rel="canonical")],
        alternates={
            link["hreflang"]: link["href"]
            for link in head.find_all("link", rel="alternate", hreflang=True)
        },
        descriptions=[
            meta.get("content", "") for meta in head.find_all("meta", attrs={"name": "description"})
        ],
        robots=" ".join(
            meta.get("content", "") for meta in head.find_all("meta", attrs={"name": "robots"})
        ),
        headings=[int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])],
    )


def asset_exists(path):
    if path.startswith(settings.STATIC_URL):
        return finders.find(path.removeprefix(settings.STATIC_URL)) is not None
    if path.startswith(settings.MEDIA_URL):
        return default_storage.exists(path.removeprefix(settings.MEDIA_URL))
    return None


def crawl_site(client, start=START):
    """Follow every internal link from `start`, once; see the module's docstring."""
    crawl = Crawl()
    queue = list(start)
    seen = set(queue)

    def follow(href, base_url):
        url = internal_url(href, base_url)
        if url is None or url.startswith(SKIPPED_PREFIXES):
            return
        url = url.split("#")[0]
        crawl.referrers.setdefault(url, set()).add(base_url)
        if url not in seen:
            seen.add(url)
            queue.append(url)

    while queue:
        url = queue.pop(0)
        exists = asset_exists(urlsplit(url).path)
        if exists is not None:
            crawl.statuses[url] = 200 if exists else 404
            if not exists:
                crawl.missing_assets.add(url)
            continue
        if url.startswith(HEAD_ONLY_PREFIXES):
            crawl.statuses[url] = client.head(url).status_code
            continue
        response = client.get(url)
        crawl.statuses[url] = response.status_code
        if response.status_code != 200:
            continue
        content_type = response["Content-Type"].split(";")[0]
        body = response.content
        if content_type == "text/html":
            html = body.decode()
            crawl.documents[url] = html
            soup, page = read_page(url, html)
            crawl.pages[url] = page
            for href in page_links(soup):
                follow(href, url)
            for href in page.alternates.values():
                follow(href, url)
        elif content_type in FEED_TYPES:
            feed = feedparser.parse(body)
            crawl.feeds[url] = feed
            for entry in feed.entries:
                follow(entry.link, url)
        elif content_type == "text/calendar":
            crawl.calendars[url] = body
        elif url == "/sitemap.xml":
            root = ElementTree.fromstring(body)
            for entry in root.findall(f"{SITEMAP}url"):
                location = entry.findtext(f"{SITEMAP}loc")
                crawl.sitemap[location] = {
                    link.get("hreflang"): link.get("href")
                    for link in entry.findall("{http://www.w3.org/1999/xhtml}link")
                }
                follow(location, url)
    return crawl


def crawl_demo_site():
    """Build the demo site in the test database and crawl it: the `Crawl` of every URL."""
    call_command("build_demo_site", base_url=BASE, stdout=StringIO())
    return crawl_site(Client())


def demo_site_documents():
    """{url: html} of every page of the demo site (built in the current test database)."""
    return crawl_demo_site().documents


class CrawlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.crawl = crawl_demo_site()

    def full(self, url):
        return BASE + url

    def problems(self, problems):
        self.assertEqual(problems, [], "\n".join(map(str, problems)))

    def test_the_crawl_reaches_every_kind_of_url(self):
        urls = set(self.crawl.statuses)
        self.assertGreater(len(self.crawl.pages), 40)
        for expected in [
            "/it/notizie/2018/",
            "/en/news/2018/",
            "/it/eventi/2018/",
            "/en/events/2018/",
            "/it/notizie/feed/rss/",
            "/en/news/feed/atom/",
            "/it/eventi/feed/ical/",
        ]:
            self.assertIn(expected, urls)
        self.assertTrue(any("/tag/" in url for url in urls))
        self.assertTrue(self.crawl.calendars)

    def test_every_internal_link_and_asset_answers(self):
        broken = [
            (url, status, sorted(self.crawl.referrers.get(url, ()))[:3])
            for url, status in self.crawl.statuses.items()
            if status != 200
        ]
        self.problems(broken)

    def test_every_page_speaks_the_language_of_its_address(self):
        self.problems(
            [
                (url, page.lang)
                for url, page in self.crawl.pages.items()
                if page.lang != url.split("/")[1]
            ]
        )

    def test_every_page_has_one_canonical_naming_itself(self):
        self.problems(
            [
                (url, page.canonicals)
                for url, page in self.crawl.pages.items()
                if page.canonicals != [self.full(url)]
            ]
        )

    def test_hreflang_alternates_include_the_page_and_are_reciprocal(self):
        problems = []
        for url, page in self.crawl.pages.items():
            if page.is_paginated:
                # Page 3 of a list is not page 3 of the other language's list.
                if page.alternates:
                    problems.append((url, "paginated, yet names alternates"))
                continue
            if not page.indexable and not page.alternates:
                # A list narrowed by filters names only itself (its canonical, checked above).
                continue
            alternates = page.alternates
            if alternates.get(page.lang) != self.full(url) or "x-default" not in alternates:
                problems.append((url, "does not name itself, or no x-default", alternates))
                continue
            for code, href in alternates.items():
                other = self.crawl.pages.get(internal_url(href, url))
                if other is None:
                    problems.append((url, code, href, "not a page the crawl found"))
                elif other.alternates != alternates:
                    problems.append((url, code, href, "does not name it back", other.alternates))
        self.problems(problems)

    def test_every_page_has_a_description_and_indexable_ones_unique_titles_and_descriptions(self):
        pages = self.crawl.pages.values()
        self.problems(
            [
                (page.url, page.descriptions)
                for page in pages
                if len(page.descriptions) != 1 or not page.descriptions[0]
            ]
        )
        indexable = [page for page in pages if page.indexable]
        for attribute in ["title", "descriptions"]:
            counts = Counter(str(getattr(page, attribute)) for page in indexable)
            self.problems(
                [
                    (page.url, getattr(page, attribute))
                    for page in indexable
                    if counts[str(getattr(page, attribute))] > 1
                ]
            )

    def test_the_sitemap_holds_exactly_the_indexable_pages_with_their_alternates(self):
        sitemap = self.crawl.sitemap
        indexable = {self.full(url) for url, page in self.crawl.pages.items() if page.indexable}
        self.assertEqual(set(sitemap) - indexable, set(), "noindex or missing pages in the sitemap")
        self.assertEqual(indexable - set(sitemap), set(), "indexable pages out of the sitemap")
        self.problems(
            [
                (location, alternates)
                for location, alternates in sitemap.items()
                if alternates != self.crawl.pages[location.removeprefix(BASE)].alternates
            ]
        )

    def test_search_pages_and_later_pages_of_lists_are_not_indexed(self):
        for url, page in self.crawl.pages.items():
            if "/cerca/" in url or "/search/" in url or page.is_paginated or "/tag/" in url:
                with self.subTest(url=url):
                    self.assertEqual(page.robots, "noindex")
        self.assertTrue(any(page.is_paginated for page in self.crawl.pages.values()))

    def test_headings_never_skip_a_level(self):
        problems = []
        for url, page in self.crawl.pages.items():
            levels = page.headings
            if levels[:1] != [1] or levels.count(1) != 1:
                problems.append((url, "not one h1 first", levels))
            for before, after in itertools.pairwise(levels):
                if after > before + 1:
                    problems.append((url, f"h{before} then h{after}"))
                    break
        self.problems(problems)

    def test_feeds_declare_their_language_and_absolute_links(self):
        self.assertEqual(len(self.crawl.feeds), 4)
        for url, feed in self.crawl.feeds.items():
            with self.subTest(url=url):
                self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                self.assertEqual(feed.feed.language, url.split("/")[1])
                self.assertTrue(feed.entries)
                links = [feed.feed.link] + [entry.link for entry in feed.entries]
                self.assertTrue(all(link.startswith(BASE + "/") for link in links), links)

    def test_calendars_follow_rfc_5545(self):
        for url, body in self.crawl.calendars.items():
            with self.subTest(url=url):
                calendar = Calendar.from_ical(body)
                self.assertEqual(calendar.name, "VCALENDAR")
                self.assertEqual(rfc5545_problems(body), [])

    def test_the_nu_html_checker_finds_nothing(self):
        html_validator.require_checker()
        self.problems(html_validator.validate(self.crawl.documents))
