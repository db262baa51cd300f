"""Services for members and their request forms: nothing a visitor sends is ever lost."""

import csv
import io

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, rich_text
from wagtail_localize.models import StringSegment, TranslationSource

from home.models import StandardPage
from services.models import ServiceIndexPage, ServicePage, ServiceRequest
from tests.admin import EditorTestCase, superuser
from tests.queries import INDEX_BUDGET, assert_queries_do_not_grow, budgets
from tests.services.helpers import ServiceFormTestCase, token
from tests.sites import BilingualSiteTestCase


class ServiceAdminTests(EditorTestCase):
    def test_editor_builds_a_service_with_its_form(self):
        privacy = self.tree.add(StandardPage, title="Privacy", slug="privacy")
        page = self.create_in_admin(
            self.tree.index(ServiceIndexPage),
            ServicePage,
            title="Ricerca partner",
            slug="ricerca-partner",
            summary="Troviamo partner.",
            audience=rich_text("<p>I soci.</p>"),
            how_it_works=rich_text("<p>Con il modulo.</p>"),
            form_intro=rich_text(""),
            thank_you_text=rich_text("<p>Grazie.</p>"),
            privacy_page=privacy.pk,
            to_address="partner@clls.example",
            from_address="",
            subject="Richiesta",
            form_fields=inline_formset(
                [
                    {
                        "label": "Progetto",
                        "field_type": "multiline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                        "clean_name": "",
                    },
                ]
            ),
        )
        self.assertEqual([f.clean_name for f in page.form_fields.all()], ["progetto"])


class RequestFormTests(ServiceFormTestCase):
    def test_form_reads_in_the_page_language(self):
        self.assertIn("Nome e cognome", self.page_html(self.service.url))
        self.assertHtmlContains(
            self.page_html(self.en_service.url),
            present=[
                "Full name",
                '<option value="European calls">European calls</option>',
                'href="/en/privacy/"',
                "Send the request",
            ],
            absent=["Nome e cognome"],
        )

    def test_field_keys_are_the_same_in_both_languages(self):
        keys = [f.clean_name for f in self.service.form_fields.order_by("sort_order")]
        english_keys = [f.clean_name for f in self.en_service.form_fields.order_by("sort_order")]
        self.assertEqual(keys, ["nome_e_cognome", "e_mail", "argomento"])
        self.assertEqual(english_keys, keys)

    def test_notification_addresses_are_not_sent_to_translators(self):
        source = TranslationSource.objects.get(
            object_id=self.service.translation_key, locale=self.tree.italian
        )
        strings = [segment.string.data for segment in StringSegment.objects.filter(source=source)]
        self.assertFalse([s for s in strings if "@" in s])
        self.assertIn("Nome e cognome", strings)
        self.assertEqual(self.en_service.to_address, self.service.to_address)

    def test_valid_request_is_stored_then_emailed(self):
        response = self.post(self.service.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "la richiesta è stata inviata")
        request = ServiceRequest.objects.get()
        self.assertEqual(request.page_id, self.service.pk)
        self.assertEqual(
            request.form_data,
            {
                "nome_e_cognome": "Anna Rossi",
                "e_mail": "anna@example.org",
                "argomento": "Bandi europei",
            },
        )
        self.assertEqual(request.language, "it")
        self.assertIn("Ho letto l'informativa", request.consent_text)
        self.assertIn("http://testserver/it/privacy/", request.consent_text)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["sportello@clls.example", "redazione@clls.example"])
        self.assertIn("Nome e cognome: Anna Rossi", mail.outbox[0].body)

    def test_english_requests_join_the_italian_ones_with_the_same_keys(self):
        self.post(self.en_service.url, argomento="European calls")
        request = ServiceRequest.objects.get()
        self.assertEqual(request.page_id, self.service.pk)
        self.assertEqual(request.language, "en")
        self.assertEqual(set(request.form_data), {"nome_e_cognome", "e_mail", "argomento"})
        self.assertIn("I have read the privacy notice", request.consent_text)

    @override_settings(EMAIL_BACKEND="tests.services.helpers.BrokenEmailBackend")
    def test_a_failing_email_loses_nothing(self):
        with self.assertLogs("services.models", level="ERROR") as logs:
            response = self.post(self.en_service.url, argomento="European calls")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "your request has been sent")
        self.assertEqual(ServiceRequest.objects.count(), 1)
        self.assertIn("could not be sent", logs.output[0])

    def test_honeypot_rejects_spam_without_storing_it(self):
        response = self.post(self.service.url, website_url="http://spam.example")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "La richiesta non è stata inviata")
        self.assertFalse(ServiceRequest.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_form_sent_too_fast_is_refused_and_kept(self):
        response = self.post(self.service.url, form_token=token(seconds_ago=0))
        self.assertContains(response, "Troppo veloce")
        self.assertContains(response, 'value="Anna Rossi"')
        self.assertFalse(ServiceRequest.objects.exists())

    def test_a_forged_or_missing_token_is_refused(self):
        for value in ["forged", None]:
            with self.subTest(token=value):
                response = self.post(
                    self.en_service.url, form_token=value, argomento="European calls"
                )
                self.assertContains(response, "This form has expired")
        self.assertFalse(ServiceRequest.objects.exists())

    def test_invalid_input_is_explained_in_the_page_language_and_kept(self):
        italian = self.post(self.service.url, e_mail="non-una-mail", privacy_consent=None)
        self.assertEqual(italian.status_code, 200)
        self.assertContains(italian, "Inserisci un indirizzo email valido.")
        self.assertContains(italian, "Accettate l&#x27;informativa sulla privacy")
        self.assertContains(italian, 'value="non-una-mail"')
        english_response = self.post(
            self.en_service.url, e_mail="not-an-email", argomento="European calls"
        )
        self.assertContains(english_response, "Enter a valid email address.")
        self.assertContains(english_response, 'value="Anna Rossi"')
        self.assertContains(english_response, 'aria-invalid="true"')
        self.assertFalse(ServiceRequest.objects.exists())

    def test_requests_of_both_languages_export_together(self):
        self.post(self.service.url)
        self.post(self.en_service.url, argomento="European calls")
        admin = superuser("gestione")
        self.client.force_login(admin)
        url = reverse("wagtailforms:list_submissions", args=[self.service.pk])
        response = self.client.get(url, {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        rows = list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )
        header = rows[0]
        self.assertEqual(len(rows), 3)
        self.assertIn("Nome e cognome", header)
        language_column = header.index("Lingua") if "Lingua" in header else header.index("Language")
        self.assertEqual(sorted(row[language_column] for row in rows[1:]), ["en", "it"])

    def test_form_page_sets_only_the_csrf_cookie(self):
        response = self.client.get(self.service.url)
        self.assertEqual(set(response.cookies), {"csrftoken"})

    def test_services_index_lists_the_services_of_its_language(self):
        self.assertHtmlContains(
            self.page_html("/en/services/"),
            present=["EN Sportello Europa"],
            absent=[">Sportello Europa<"],
        )


class ServicesIndexQueryTests(BilingualSiteTestCase):
    def test_services_index_and_home_do_not_grow_with_the_services(self):
        assert_queries_do_not_grow(
            self,
            ["/it/servizi/", "/it/"],
            lambda number: self.tree.add(ServicePage, slug=f"altro-{number}", translate=False),
            ceilings=budgets(["/it/servizi/", "/it/"], INDEX_BUDGET),
        )
        self.assertIn("altro-29", self.page_html("/it/servizi/"))
