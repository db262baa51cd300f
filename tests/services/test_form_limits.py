"""Public request forms: a rate limit per address, limits on fields and body, the 400 page."""

import csv
import io

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from services.models import ServiceRequest
from tests.admin import superuser
from tests.services.helpers import ServiceFormTestCase, token

FORMULA = '=HYPERLINK("http://attacker.example","clic")'


@override_settings(PUBLIC_FORM_RATE_LIMIT=2)
class FormRateLimitTests(ServiceFormTestCase):
    def test_past_the_limit_a_request_is_refused_in_the_visitors_language_and_kept(self):
        self.post(self.service.url)
        self.post(self.service.url)
        refused = self.post(self.service.url, nome_e_cognome="Carla Bianchi")
        self.assertContains(refused, "Avete inviato diverse richieste", status_code=429)
        self.assertContains(refused, 'value="Carla Bianchi"', status_code=429)
        self.assertEqual(ServiceRequest.objects.count(), 2, "the stored requests stay")
        english = self.post(self.en_service.url, argomento="European calls")
        self.assertContains(english, "You have sent several requests", status_code=429)

    def test_other_addresses_are_not_limited(self):
        for _ in range(3):
            self.post(self.service.url)
        response = self.client.post(self.service.url, self.form_data(), REMOTE_ADDR="203.0.113.9")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(ServiceRequest.objects.count(), 3)

    def form_data(self):
        return {
            "nome_e_cognome": "Anna Rossi",
            "e_mail": "anna@example.org",
            "argomento": "Bandi europei",
            "privacy_consent": "on",
            "form_token": token(),
        }


class FormBodyLimitTests(ServiceFormTestCase):
    def test_more_fields_than_the_form_has_give_the_400_page(self):
        extra = {f"campo_{n}": "x" for n in range(20)}
        response = self.post(self.service.url, **extra)
        self.assertContains(response, "Il sito non è riuscito a leggere", status_code=400)
        self.assertFalse(ServiceRequest.objects.exists())

    def test_a_body_larger_than_the_form_needs_gives_the_400_page(self):
        response = self.post(self.en_service.url, nome_e_cognome="x" * 70_000)
        self.assertContains(response, "The site could not read this request", status_code=400)
        self.assertFalse(ServiceRequest.objects.exists())

    def test_a_malformed_body_gives_the_400_page(self):
        response = self.client.post(
            self.service.url,
            data=b"--broken\r\nnot a part",
            content_type="multipart/form-data; boundary=",
        )
        self.assertContains(response, "Il sito non è riuscito a leggere", status_code=400)

    def test_a_body_over_the_sites_limit_gives_the_400_page_anywhere(self):
        # With its CSRF cookie, the CSRF check reads the body before any view does.
        client = self.client_class(enforce_csrf_checks=True)
        client.get(self.service.url)
        with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
            response = client.post("/it/", {"testo": "x" * 2000})
        self.assertContains(response, "Il sito non è riuscito a leggere", status_code=400)

    def test_a_normal_request_still_goes_through(self):
        self.post(self.service.url, nome_e_cognome="y" * 200)
        self.assertEqual(ServiceRequest.objects.count(), 1)


class ExportNeutralisationTests(ServiceFormTestCase):
    def setUp(self):
        super().setUp()
        self.post(self.service.url, nome_e_cognome=FORMULA)
        self.post(self.service.url, nome_e_cognome="@SUM(1+1)", e_mail="b@example.org")
        self.client.force_login(superuser("gestione"))
        self.url = reverse("wagtailforms:list_submissions", args=[self.service.pk])

    def test_csv_cells_that_would_run_as_formulas_are_quoted(self):
        response = self.client.get(self.url, {"export": "csv"})
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        names = {row[1] for row in list(csv.reader(io.StringIO(text)))[1:]}
        self.assertEqual(names, {f"'{FORMULA}", "'@SUM(1+1)"})

    def test_xlsx_cells_that_would_run_as_formulas_are_quoted_text(self):
        response = self.client.get(self.url, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        names = {
            cell.value
            for cell in cells
            if isinstance(cell.value, str) and ("SUM" in cell.value or "HYPERLINK" in cell.value)
        }
        self.assertEqual(names, {f"'{FORMULA}", "'@SUM(1+1)"})
        self.assertNotIn("f", {cell.data_type for cell in cells})
