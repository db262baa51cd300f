"""The members directory: who is listed, in which language, filtered how, in how many queries."""

import json
import re
import uuid

from django.utils.text import slugify

from events.models import EventOrganiser, EventPage
from home.models import Organisation
from members.models import MemberDirectoryPage, MemberPillarLink
from news.models import NewsPage, NewsPageOrganisation
from pillars.models import PillarPage
from tests.factories import OrganisationFactory
from tests.queries import (
    DETAIL_BUDGET,
    HOME_BUDGET,
    INDEX_BUDGET,
    assert_queries_do_not_grow,
    query_count,
)
from tests.sites import BilingualSiteTestCase

# What a test member is unless told otherwise.
MEMBER_FACTS = {
    "kind": "member",
    "member_type": "company",
    "sector": "biotech",
    "province": "MI",
    "city": "Milano",
    "joined_year": 2016,
}


def add_member(tree, name, *, translate=True, pillars=(), **facts):
    """An Italian member record (with its English translation unless told not)."""
    facts = {**MEMBER_FACTS, "description": f"Descrizione di {name}.", **facts}
    member = OrganisationFactory(name=name, **facts)
    for pillar in pillars:
        MemberPillarLink.objects.create(organisation=member, pillar=pillar)
    if translate:
        tree.translate(member)
    return member


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


class DirectoryTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.directory, cls.en_directory = tree.add_twins(MemberDirectoryPage)
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")
        cls.alfa = add_member(
            tree, "Alfa Biotech Esempio", pillars=[cls.pillar], public_email="info@alfa.example"
        )
        cls.beta = add_member(
            tree,
            "Beta Ospedale Esempio",
            member_type="hospital",
            sector="services",
            province="BG",
            city="Bergamo",
        )
        cls.partner = OrganisationFactory(name="Partner Esempio", kind="partner")
        tree.translate(cls.partner)

    def test_urls_are_translated(self):
        self.assertEqual(self.directory.url, "/it/soci/")
        self.assertEqual(self.en_directory.url, "/en/members/")

    def test_public_members_are_listed_a_to_z_in_both_languages(self):
        italian = self.page_html("/it/soci/")
        self.assertLess(italian.index("Alfa Biotech Esempio"), italian.index("Beta Ospedale"))
        self.assertNotIn("Partner Esempio", italian)
        english = self.page_html(self.en_directory.url)
        self.assertIn("EN Descrizione di Alfa Biotech Esempio.", english)
        # Names are proper names: the English records keep the Italian ones.
        self.assertLess(english.index(">Alfa Biotech Esempio"), english.index(">Beta Ospedale"))
        self.assertNotIn("EN Alfa", english)
        self.assertNotIn(">Descrizione di", english)

    def test_an_official_english_name_overrides_the_italian_one_and_sorts_by_it(self):
        zeta = add_member(self.tree, "Zeta Consorzio", translate=False)
        self.tree.translate(zeta, overrides={"name": "Aardvark Consortium"})
        english = self.page_html(self.en_directory.url)
        self.assertLess(english.index(">Aardvark Consortium<"), english.index(">Alfa Biotech"))
        self.assertNotIn(">Zeta Consorzio<", english)
        italian = self.page_html("/it/soci/")
        self.assertLess(italian.index(">Beta Ospedale"), italian.index(">Zeta Consorzio<"))

    def test_a_member_hidden_in_italian_leaves_every_language_at_once(self):
        # Only the Italian record changes: the English one still says "listed".
        Organisation.objects.filter(pk=self.beta.pk).update(listed=False)
        english_record = self.tree.english_of(self.beta)
        self.assertTrue(english_record.listed)
        for url in ("/it/soci/", self.en_directory.url, "/it/", "/en/"):
            with self.subTest(url=url):
                self.assertNotIn("Beta Ospedale", self.page_html(url))
        self.page_html(f"/it/soci/{self.beta.slug}/", status=404)
        self.page_html(f"{self.en_directory.url}{self.beta.slug}/", status=404)
        sitemap = self.client.get("/sitemap.xml").content.decode()
        self.assertNotIn(self.beta.slug, sitemap)
        self.assertIn(self.alfa.slug, sitemap)
        data = json_ld(self.page_html(self.en_directory.url))
        names = [
            entry["item"]["name"]
            for block in data
            if block.get("@type") == "ItemList"
            for entry in block["itemListElement"]
        ]
        self.assertEqual(names, ["Alfa Biotech Esempio"])
        search = self.page_html(self.en_directory.url, {"q": "Beta"})
        self.assertNotIn("Beta Ospedale", search)

    def test_an_unpublished_italian_record_hides_the_english_one(self):
        Organisation.objects.filter(pk=self.alfa.pk).update(live=False)
        self.assertNotIn("Alfa Biotech", self.page_html(self.en_directory.url))

    def test_facts_come_from_the_italian_record(self):
        Organisation.objects.filter(pk=self.alfa.pk).update(province="VA", city="Varese")
        html = self.page_html(f"{self.en_directory.url}{self.alfa.slug}/")
        self.assertIn("Varese", html)
        self.assertNotIn("Milano", html)

    def test_filters_by_type_and_province_in_both_languages(self):
        for url in ("/it/soci/", self.en_directory.url):
            with self.subTest(url=url):
                html = self.page_html(url, {"type": "hospital"})
                self.assertIn("Beta Ospedale", html)
                self.assertNotIn("Alfa Biotech", html)
                self.assertIn('<meta name="robots" content="noindex">', html)
                # It names only itself: no alternates, its own address as canonical.
                self.assertIn(f'rel="canonical" href="http://testserver{url}?type=hospital"', html)
                self.assertNotIn('hreflang="', html.split("</head>")[0])
                html = self.page_html(url, {"province": "MI"})
                self.assertIn("Alfa Biotech", html)
                self.assertNotIn("Beta Ospedale", html)

    def test_filter_by_pillar_and_counts(self):
        html = self.page_html("/it/soci/", {"pillar": "ricerca"})
        self.assertIn("Alfa Biotech", html)
        self.assertNotIn("Beta Ospedale", html)
        unfiltered = self.page_html("/it/soci/")
        self.assertIn("Ospedale o IRCCS (1)", unfiltered)
        self.assertIn("Bergamo (1)", unfiltered)
        self.assertIn("Ricerca (1)", unfiltered)
        self.assertIn('href="?type=hospital"', unfiltered)
        self.assertNotIn("noindex", unfiltered)

    def test_bad_filter_values_are_ignored_never_an_error(self):
        for params in (
            {"type": "spaceship"},
            {"province": "XX"},
            {"pillar": "nessuno"},
            {"sector": "<script>"},
            {"q": "x" * 500},
            {"page": "abc"},
            {"type": ["company", "hospital"]},
        ):
            with self.subTest(params=params):
                self.page_html("/it/soci/", params)
        self.page_html("/it/soci/", {"page": "9"}, status=404)

    def test_text_search_reads_names_and_descriptions_of_the_language(self):
        html = self.page_html("/it/soci/", {"q": "ospedale"})
        self.assertIn("Beta Ospedale", html)
        self.assertNotIn("Alfa Biotech", html)
        html = self.page_html(self.en_directory.url, {"q": "EN Descrizione di Alfa"})
        self.assertIn("Alfa Biotech", html)
        self.assertNotIn("Beta Ospedale", html)

    def test_member_page_shows_its_facts_and_json_ld(self):
        html = self.page_html(f"/it/soci/{self.alfa.slug}/")
        for text in (
            "Alfa Biotech Esempio",
            "Impresa",
            "Biotech",
            "Milano",
            "2016",
            "info@alfa.example",
        ):
            self.assertIn(text, html)
        (data,) = [
            block
            for block in json_ld(html)
            if block.get("@type") == "Organization" and "memberOf" in block
        ]
        self.assertEqual(data["memberOf"]["name"], "Cluster Lombardo Scienze della Vita")
        self.assertIn(
            f'hreflang="en" href="http://testserver{self.en_directory.url}{self.alfa.slug}/"', html
        )

    def test_member_page_lists_its_events_and_news(self):
        event = self.tree.add(EventPage, title="Evento Alfa", translate=False)
        EventOrganiser.objects.create(event=event, organisation=self.alfa)
        news = self.tree.add(NewsPage, title="Notizia Alfa", translate=False)
        NewsPageOrganisation.objects.create(news_page=news, organisation=self.alfa)
        html = self.page_html(f"/it/soci/{self.alfa.slug}/")
        self.assertIn("Evento Alfa", html)
        self.assertIn("Notizia Alfa", html)
        self.assertNotIn("Evento Alfa", self.page_html(f"/it/soci/{self.beta.slug}/"))

    def test_home_shows_the_counts_by_type(self):
        html = self.page_html("/it/")
        self.assertIn("2 soci", html)
        self.assertIn("2 soci: 1 impresa, 1 ospedale o IRCCS.", html)
        self.assertIn("2 members: 1 company, 1 hospital or IRCCS.", self.page_html("/en/"))

    def test_untranslated_member_is_only_in_italian(self):
        gamma = add_member(self.tree, "Gamma Esempio", translate=False)
        self.assertIn("Gamma Esempio", self.page_html("/it/soci/"))
        self.assertNotIn("Gamma Esempio", self.page_html(self.en_directory.url))
        self.page_html(f"{self.en_directory.url}{gamma.slug}/", status=404)

    def test_switcher_on_an_untranslated_member_leads_to_the_english_directory_saying_so(self):
        gamma = add_member(self.tree, "Gamma Esempio", translate=False)
        html = self.page_html(f"/it/soci/{gamma.slug}/")
        self.assertIn(f'<a href="{self.en_directory.url}" hreflang="en"', html)
        self.assertIn("lang-note-en", html)
        # The directory is not the member's translation: no alternate points at it.
        self.assertNotIn('rel="alternate" hreflang="en"', html)


def add_members_in_bulk(tree, names, pillar):
    """Italian members and their English records written straight to the database.

    The query-count test needs a hundred of them: going through revisions and
    wagtail-localize for each would take minutes, and the pages read only the
    live records, which these are.
    """
    italian, english = [], []
    for name in names:
        key = uuid.uuid4()
        slug = slugify(name)
        facts = {**MEMBER_FACTS, "name": name, "slug": slug, "translation_key": key, "live": True}
        italian.append(
            Organisation(locale=tree.italian, description=f"Descrizione di {name}.", **facts)
        )
        english.append(Organisation(locale=tree.english, description=f"About {name}.", **facts))
    Organisation.objects.bulk_create(italian + english)
    MemberPillarLink.objects.bulk_create(
        MemberPillarLink(organisation=member, pillar=pillar) for member in italian
    )


class DirectoryQueryTests(BilingualSiteTestCase):
    def test_directory_and_member_pages_do_not_grow_with_members(self):
        self.tree.add_twins(MemberDirectoryPage)
        pillar = self.tree.add(PillarPage, title="Ricerca", slug="ricerca")
        first = add_member(self.tree, "Membro Zero", pillars=[pillar])
        urls = {
            "/it/soci/": INDEX_BUDGET,
            "/en/members/": INDEX_BUDGET,
            "/it/soci/?type=company&province=MI": INDEX_BUDGET,
            "/en/members/?q=Membro&pillar=en-ricerca": INDEX_BUDGET,
            f"/it/soci/{first.slug}/": DETAIL_BUDGET,
            f"/en/members/{first.slug}/": DETAIL_BUDGET,
            "/it/": HOME_BUDGET,
            "/en/": HOME_BUDGET,
        }

        def grow(number):
            # The first member is the one above; the rest come in one go.
            if number == 1:
                names = [f"Membro {n:03}" for n in range(1, 100)]
                add_members_in_bulk(self.tree, names, pillar)

        assert_queries_do_not_grow(self, list(urls), grow, few=1, many=2, ceilings=urls)
        self.assertIn("100 members", self.page_html("/en/members/"))
        # The second page exists only with the hundred; it keeps to the same budget.
        self.assertLessEqual(query_count(self.client, "/it/soci/?page=2"), INDEX_BUDGET)
