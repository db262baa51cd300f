"""What a visitor meets: language prefixes, redirects, hreflang, switcher, error pages."""

import re

from django.test import RequestFactory, override_settings
from django.utils import translation

from home.models import StandardPage
from search.errors import server_error
from tests.markup import alternates
from tests.sites import BilingualSiteTestCase


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


class LanguageHomesTests(BilingualSiteTestCase):
    def test_each_language_home_answers_in_its_language(self):
        for url, lang, title, menu in [
            ("/it/", "it", "Cluster Lombardo Scienze della Vita", "Chi siamo"),
            ("/en/", "en", "Lombardy Life Sciences Cluster", "About us"),
        ]:
            with self.subTest(url=url):
                html = self.page_html(url)
                self.assertHtmlContains(html, present=[f'<html lang="{lang}"', f"<h1>{title}</h1>"])
                menu_link = rf'<li><a href="/{lang}/[^"]+/">{menu}</a>'
                self.assertRegex(html, rf'<nav class="main-menu"[^>]*>\s*<ul>\s*{menu_link}')

    def test_english_home_shows_no_italian_interface_or_content(self):
        self.assertHtmlContains(
            self.page_html("/en/"),
            present=["Skip to content", "The life-sciences association of Lombardy."],
            absent=[
                "Chi siamo",
                "Andate al contenuto",
                "Menu principale",
                "Cluster Lombardo",
                "Milano",
            ],
        )

    def test_root_redirects_by_accept_language(self):
        for header, target in [
            ("en-GB,en;q=0.9", "/en/"),
            ("it-IT,it;q=0.9,en;q=0.5", "/it/"),
            ("fr-FR,fr;q=0.9", "/it/"),
            (None, "/it/"),
        ]:
            with self.subTest(header=header):
                extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
                response = self.client.get("/", **extra)
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], target)
                self.assertIn("Accept-Language", response.get("Vary", ""))

    def test_hreflang_and_canonical_are_reciprocal(self):
        italian = self.page_html("/it/chi-siamo/")
        english = self.page_html("/en/about/")
        expected = {
            "it": "http://testserver/it/chi-siamo/",
            "en": "http://testserver/en/about/",
            "x-default": "http://testserver/it/chi-siamo/",
        }
        self.assertEqual(alternates(italian), expected)
        self.assertEqual(alternates(english), expected)
        self.assertEqual(canonical(italian), expected["it"])
        self.assertEqual(canonical(english), expected["en"])

    def test_switcher_links_each_home_to_the_other(self):
        self.assertHtmlContains(
            self.page_html("/it/"),
            present=[
                '<a href="/en/" hreflang="en" lang="en">English</a>',
                'aria-current="true">Italiano</span>',
            ],
        )
        self.assertHtmlContains(
            self.page_html("/en/"),
            present=[
                '<a href="/it/" hreflang="it" lang="it">Italiano</a>',
                'aria-current="true">English</span>',
            ],
        )

    def test_switcher_falls_back_to_nearest_translated_ancestor_and_says_so(self):
        self.tree.add(
            StandardPage, parent=self.tree.it_about, title="Storia", slug="storia", translate=False
        )
        self.assertHtmlContains(
            self.page_html("/it/chi-siamo/storia/"),
            present=[
                '<a href="/en/about/" hreflang="en" lang="en" aria-describedby="lang-note-en">',
                "non è ancora tradotta",
                "«About us»",
            ],
            absent=['hreflang="en" href='],
        )

    def test_draft_translation_is_not_offered(self):
        self.tree.en_about.unpublish()
        html = self.page_html("/it/chi-siamo/")
        self.assertIn(
            '<a href="/en/" hreflang="en" lang="en" aria-describedby="lang-note-en">', html
        )
        self.assertEqual(set(alternates(html)), {"it", "x-default"})
        self.assertEqual(self.client.get("/en/about/").status_code, 404)

    def test_admin_lives_outside_the_language_prefixes(self):
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))
        self.assertEqual(self.client.get("/it/admin/").status_code, 404)

    def test_public_pages_set_no_cookie(self):
        for url in ["/it/", "/en/", "/it/chi-siamo/", "/en/nowhere/"]:
            with self.subTest(url=url):
                self.assertEqual(dict(self.client.get(url).cookies), {})


class ErrorPagesTests(BilingualSiteTestCase):
    def test_404_speaks_the_language_of_the_url(self):
        self.assertPagesSpeak(
            [
                ("/it/non-esiste/", "it", "<h1>Pagina non trovata</h1>"),
                ("/en/does-not-exist/", "en", "<h1>Page not found</h1>"),
            ],
            status=404,
            also=['<meta name="robots" content="noindex">'],
        )

    @override_settings(ROOT_URLCONF="tests.error_urls")
    def test_500_page_is_localised_and_needs_no_database(self):
        self.client.raise_request_exception = False
        for lang, text in [("it", "Qualcosa è andato storto"), ("en", "Something went wrong")]:
            with self.subTest(lang=lang):
                self.assertHtmlContains(
                    self.page_html(f"/{lang}/guasto/", status=500),
                    present=[f'<html lang="{lang}">', text],
                )

    def test_500_page_renders_without_the_database(self):
        request = RequestFactory().get("/it/")
        with translation.override("it"), self.assertNumQueries(0):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
