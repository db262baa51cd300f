"""The demo's "Become a member" service: its form in both languages, and the directory's link."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from home.choices import MemberType, Province, Sector
from members.models import MemberDirectoryPage
from services.models import ServicePage, ServiceRequest
from tests.markup import HtmlAssertions
from tests.services.helpers import token

IT_URL = "/it/servizi/diventare-socio/"
EN_URL = "/en/services/become-a-member/"
HOST = "127.0.0.1:8000"
# The form's choices and the directory's vocabulary they repeat.
CHOICES = {"tipo_di_organizzazione": MemberType, "sotto_settore": Sector, "provincia": Province}


def request_data(**overrides):
    data = {
        "nome_e_cognome": "Anna Rossi",
        "organizzazione": "Esempio Biotech Srl",
        "e_mail": "Anna@Example.org",
        "partita_iva": "",
        "tipo_di_organizzazione": "Impresa",
        "sotto_settore": "Biotech",
        "provincia": "Milano",
        "sito_web": "https://esempio.example",
        "messaggio": "Vorremmo entrare nel Cluster.",
        "privacy_consent": "on",
        "website_url": "",
        "form_token": token(),
    }
    data.update(overrides)
    return data


class MembershipRequestTests(HtmlAssertions, TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("build_demo_site", base_url=f"http://{HOST}", stdout=StringIO())
        cls.page = ServicePage.objects.get(slug="diventare-socio")

    def get(self, url, status=200):
        response = self.client.get(url, HTTP_HOST=HOST)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    def post(self, url, data):
        data = {key: value for key, value in data.items() if value is not None}
        return self.client.post(url, data, HTTP_HOST=HOST)

    def test_the_form_reads_in_each_language(self):
        self.assertHtmlContains(
            self.get(IT_URL),
            present=[
                "<h1>Diventare socio</h1>",
                "Partita IVA",
                'value="Università o centro di ricerca"',
                'value="Monza e Brianza"',
                "le condizioni di adesione",
            ],
            absent=["VAT number"],
        )
        self.assertHtmlContains(
            self.get(EN_URL),
            present=[
                "<h1>Become a member</h1>",
                "VAT number",
                'value="University or research centre"',
                'value="Monza and Brianza"',
                "the conditions of membership",
            ],
            absent=["Partita IVA", "condizioni"],
        )

    def test_its_choices_are_the_directory_s_in_both_languages(self):
        for language, url in (("it", IT_URL), ("en", EN_URL)):
            html = self.get(url)
            with translation.override(language):
                for name, choices in CHOICES.items():
                    for label in choices.labels:
                        with self.subTest(language=language, label=label):
                            self.assertIn(f'type="radio" name="{name}" value="{label}"', html)

    def test_requests_of_both_languages_are_stored_with_consent(self):
        response = self.post(IT_URL, request_data())
        self.assertContains(response, "abbiamo ricevuto la richiesta di adesione")
        english = request_data(
            nome_e_cognome="John Smith",
            e_mail="john@example.org",
            tipo_di_organizzazione="Hospital or IRCCS",
            sotto_settore="Services",
            provincia="Milan",
        )
        response = self.post(EN_URL, english)
        self.assertContains(response, "we have received your membership request")
        italian, english = ServiceRequest.objects.order_by("pk")
        self.assertEqual({italian.page_id, english.page_id}, {self.page.pk})
        self.assertEqual((italian.language, english.language), ("it", "en"))
        self.assertEqual(italian.email, "anna@example.org")
        self.assertEqual(italian.get_data()["tipo_di_organizzazione"], "Impresa")
        self.assertEqual(english.get_data()["provincia"], "Milan")
        self.assertEqual(italian.form_data.keys(), english.form_data.keys())
        self.assertIn("Ho letto l'informativa", italian.consent_text)
        self.assertIn("I have read the privacy notice", english.consent_text)
        self.assertIsNotNone(english.consent_given_at)

    def test_spam_and_missing_answers_are_refused_without_storing(self):
        cases = [
            (IT_URL, {"website_url": "http://spam.example"}),
            (EN_URL, {"form_token": token(seconds_ago=0)}),
            (EN_URL, {"privacy_consent": ""}),
            (IT_URL, {"tipo_di_organizzazione": "Banca"}),
            (EN_URL, {"provincia": None}),
        ]
        for url, overrides in cases:
            with self.subTest(url=url, overrides=overrides):
                response = self.post(url, request_data(**overrides))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'role="alert"')
        self.assertFalse(ServiceRequest.objects.exists())

    def test_the_directory_links_the_request_page_in_its_language(self):
        directory = MemberDirectoryPage.objects.get(locale__language_code="it")
        self.assertEqual(directory.membership_page.specific, self.page)
        self.assertIn(
            f'<a class="button" href="{IT_URL}">Diventare socio</a>', self.get("/it/soci/")
        )
        self.assertIn(
            f'<a class="button" href="{EN_URL}">Become a member</a>', self.get("/en/members/")
        )
