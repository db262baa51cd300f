"""The demo's legal pages, footer, menu and voice: what issue 11 asks of the content."""

import html
import re
from io import StringIO
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Page

from events.models import EventPage
from home.models import SiteContent
from pillars.models import InitiativePage, PillarPage
from tests.markup import HtmlAssertions

PRIVACY_SECTIONS = {
    "/it/privacy/": [
        "<h2>Titolare del trattamento</h2>",
        "<h2>Quali dati trattiamo e per quali finalità</h2>",
        "<h3>Richieste allo Sportello Europa</h3>",
        "<h3>Richieste di lettere di endorsement</h3>",
        "<h3>Richieste di ricerca partner</h3>",
        "<h2>Base giuridica</h2>",
        "<h2>Destinatari dei dati</h2>",
        "<h2>Per quanto tempo conserviamo i dati</h2>",
        "<h2>I vostri diritti</h2>",
        "<h2>Reclamo al Garante per la protezione dei dati personali</h2>",
        "<h2>Cookie</h2>",
    ],
    "/en/privacy/": [
        "<h2>Data controller</h2>",
        "<h2>What data we process and why</h2>",
        "<h3>Requests to the Sportello Europa desk</h3>",
        "<h3>Requests for endorsement letters</h3>",
        "<h3>Partner search requests</h3>",
        "<h2>Legal basis</h2>",
        "<h2>Who receives the data</h2>",
        "<h2>How long we keep the data</h2>",
        "<h2>Your rights</h2>",
        "<h2>Complaints to the Garante per la protezione dei dati personali</h2>",
        "<h2>Cookies</h2>",
    ],
}
ACCESSIBILITY_SECTIONS = {
    "/it/accessibilita/": [
        "<h2>Stato di conformità</h2>",
        "parzialmente conforme",
        "<h2>Contenuti non accessibili</h2>",
        "<h2>Redazione della dichiarazione</h2>",
        "Ultimo riesame della dichiarazione: 3 dicembre 2026.",
        "<h2>Meccanismo di feedback e recapiti</h2>",
        "<h2>Procedura di attuazione</h2>",
        "AgID",
    ],
    "/en/accessibility/": [
        "<h2>Compliance status</h2>",
        "partially compliant",
        "<h2>Non-accessible content</h2>",
        "<h2>Preparation of this statement</h2>",
        "Last review of this statement: 3 December 2026.",
        "<h2>Feedback and contact information</h2>",
        "<h2>Enforcement procedure</h2>",
        "AgID",
    ],
}
LEGAL_PAGES = [*PRIVACY_SECTIONS, *ACCESSIBILITY_SECTIONS]
PILLARS = {
    "/it/": ["Ricerca e Open Innovation", "Experience Sharing &amp; Community", "Visibilità"],
    "/en/": ["Research and Open Innovation", "Experience Sharing &amp; Community", "Visibility"],
}
# Second-person singular forms ("tu") that must not reach Italian visitors: the site
# speaks to them with "voi" (scoprite, contattateci, iscrivetevi…).
TU_FORMS = re.compile(
    r"\b(scopri|contattaci|iscriviti|scrivici|aggiungi|vai|torna|tuo|tua|tuoi|tue|puoi|vuoi|"
    r"trovalo|correggi|inviala|invialo|riprova|premi|cercavi|guarda|segui|lascia)\b",
    re.IGNORECASE,
)


def visible_text(page_html):
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


class LegalPagesTests(HtmlAssertions, TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("build_demo_site", base_url="http://testserver", stdout=StringIO())
        # The demo has no e-mail or telephone (no source gives them): managers add them.
        SiteContent.objects.update(email="privacy@clls.example", phone="+39 02 1234567")

    def page_html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def test_privacy_notice_has_every_section_in_both_languages(self):
        for url, sections in PRIVACY_SECTIONS.items():
            with self.subTest(url=url):
                self.assertHtmlContains(self.page_html(url), present=sections)

    def test_accessibility_statement_follows_agids_model_in_both_languages(self):
        for url, sections in ACCESSIBILITY_SECTIONS.items():
            with self.subTest(url=url):
                self.assertHtmlContains(self.page_html(url), present=sections)

    def test_legal_pages_show_the_contacts_of_the_site_content(self):
        for url in LEGAL_PAGES:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.page_html(url).split('<footer class="site-footer">')[0],
                    present=[
                        'href="mailto:privacy@clls.example"',
                        "Via Pantano 9",
                        'href="tel:+39021234567"',
                    ],
                )
        SiteContent.objects.update(email="dati@clls.example")
        self.assertHtmlContains(
            self.page_html("/en/privacy/").split('<footer class="site-footer">')[0],
            present=['href="mailto:dati@clls.example"'],
            absent=["privacy@clls.example"],
        )

    def test_retention_period_comes_from_the_setting(self):
        months = settings.PERSONAL_DATA_RETENTION_MONTHS
        self.assertIn(f"per {months} mesi dal giorno", self.page_html("/it/privacy/"))
        with override_settings(PERSONAL_DATA_RETENTION_MONTHS=7):
            self.assertIn("per 7 mesi dal giorno", self.page_html("/it/privacy/"))
            self.assertIn("for 7 months from the day", self.page_html("/en/privacy/"))
        with override_settings(PERSONAL_DATA_RETENTION_MONTHS=1):
            self.assertIn("per 1 mese dal giorno", self.page_html("/it/privacy/"))
            self.assertIn("for 1 month from the day", self.page_html("/en/privacy/"))

    def test_footer_shows_the_contacts_in_both_languages(self):
        for url, heading in [("/it/", "Contatti"), ("/en/", "Contacts")]:
            with self.subTest(url=url):
                footer = self.page_html(url).split('<footer class="site-footer">')[1]
                self.assertHtmlContains(
                    footer,
                    present=[
                        f">{heading}</h2>",
                        "<address>Via Pantano 9<br>",
                        'href="mailto:privacy@clls.example"',
                        "+39 02 1234567",
                    ],
                )

    def test_main_menu_lists_the_three_pillars_in_both_languages(self):
        for url, entry in [("/it/", "Cosa facciamo"), ("/en/", "What we do")]:
            with self.subTest(url=url):
                page_html = self.page_html(url)
                menu = page_html.split('<nav class="main-menu"')[1].split("</nav>")[0]
                self.assertIn(f">{entry}</button>", menu)
                submenu = menu.split('<ul class="submenu"')[1].split("</ul>")[0]
                titles = re.findall(r"<a [^>]*>([^<]+)</a>", submenu)
                self.assertEqual(titles, PILLARS[url])

    def test_pillars_are_named_by_their_titles(self):
        self.assertEqual(
            list(
                PillarPage.objects.filter(locale__language_code="it")
                .order_by("path")
                .values_list("title", flat=True)
            ),
            ["Ricerca e Open Innovation", "Experience Sharing & Community", "Visibilità"],
        )

    def test_nothing_the_seed_does_not_give(self):
        for initiative in InitiativePage.objects.all():
            with self.subTest(initiative=initiative.title):
                self.assertIsNone(initiative.start_year)
                self.assertIsNone(initiative.end_year)
                self.assertEqual(initiative.status, "")
                self.assertNotIsInstance(initiative.get_parent().specific, PillarPage)
        event = EventPage.objects.get(
            locale__language_code="it", slug="meet-in-italy-for-life-sciences-2018"
        )
        self.assertFalse(event.organisers.exists())
        self.assertFalse(event.pillar_links.exists())
        page_html = self.page_html(event.url)
        self.assertHtmlContains(
            page_html,
            present=["partecipa attivamente all&#x27;organizzazione"],
            absent=["Organizzato da"],
        )
        sheet = self.page_html("/it/chi-siamo/azioni-del-piano-operativo/comunicazione/")
        self.assertHtmlContains(sheet, absent=["Periodo", "Non ancora definito", "in corso"])

    def test_italian_pages_speak_with_voi(self):
        pages = Page.objects.live().filter(locale__language_code="it", depth__gt=1)
        self.assertGreater(pages.count(), 15)
        for page in pages:
            with self.subTest(url=page.url):
                text = visible_text(self.page_html(page.url))
                self.assertEqual(TU_FORMS.findall(text), [])

    def test_italian_catalogue_speaks_with_voi(self):
        catalogue = polib.pofile(
            str(Path(settings.BASE_DIR) / "locale" / "it" / "LC_MESSAGES" / "django.po")
        )
        found = [
            (entry.msgid, text)
            for entry in catalogue
            for text in [entry.msgstr, *entry.msgstr_plural.values()]
            if TU_FORMS.search(text)
        ]
        self.assertEqual(found, [])
