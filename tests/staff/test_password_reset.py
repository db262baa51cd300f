"""The forgotten-password flow: through the outbox, in the account's language, no enumeration."""

import re

from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from operations.models import OutgoingEmail
from tests.admin import make_user

OUTBOX = {
    "EMAIL_BACKEND": "operations.mail.OutboxBackend",
    "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}
RESET = "/admin/password_reset/"


@override_settings(**OUTBOX)
class PasswordResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.anna = make_user("anna")

    def ask(self, email, language="it"):
        return self.client.post(RESET, {"email": email}, HTTP_ACCEPT_LANGUAGE=language)

    def test_known_and_unknown_addresses_get_the_same_answer(self):
        known = self.ask("anna@clls.example")
        unknown = self.ask("nessuno@clls.example")
        self.assertEqual(known.status_code, unknown.status_code)
        self.assertEqual(known["Location"], unknown["Location"])
        done_known = self.client.get(known["Location"]).content
        done_unknown = self.client.get(unknown["Location"]).content
        strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"|"CSRF_TOKEN": "[^"]*"')
        self.assertEqual(strip.sub(b"", done_known), strip.sub(b"", done_unknown))
        self.assertEqual(OutgoingEmail.objects.count(), 1, "only the real account gets an e-mail")

    def test_the_link_in_the_stored_e_mail_sets_a_new_password(self):
        self.ask("anna@clls.example")
        email = OutgoingEmail.objects.get()
        self.assertEqual(email.recipients, "anna@clls.example")
        link = re.search(
            r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", email.message["body"]
        )
        form_url = self.client.get(link.group(1))["Location"]
        new_password = "Una-nuova-parola-segreta-42"
        response = self.client.post(
            form_url, {"new_password1": new_password, "new_password2": new_password}
        )
        self.assertRedirects(response, reverse("wagtailadmin_password_reset_complete"))
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.check_password(new_password))
        login = self.client_class().post(
            reverse("wagtailadmin_login"), {"username": "anna", "password": new_password}
        )
        self.assertEqual(login.status_code, 302)

    def test_the_e_mail_speaks_the_visitors_language(self):
        self.ask("anna@clls.example", "it")
        self.assertIn("reimpostare la tua password", OutgoingEmail.objects.get().message["body"])

    def test_the_e_mail_speaks_the_language_the_account_chose(self):
        UserProfile.objects.update_or_create(user=self.anna, defaults={"preferred_language": "en"})
        self.ask("anna@clls.example", "it")
        self.assertIn("reset your password", OutgoingEmail.objects.get().message["body"])
