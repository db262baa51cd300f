"""Staff and registrations: counts, the list, exports, e-mails, settings, and who may see them."""

import csv
import io

from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Registration, RegistrationSettings
from staff.roles import apply_roles
from tests.admin import staff_team
from tests.events.registration_helpers import RegistrationTestCase


class RegistrationStaffTests(RegistrationTestCase):
    capacity = 1

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor, cls.manager, cls.translator = staff_team(apply_roles())

    def setUp(self):
        super().setUp()
        self.register("anna@example.org")
        self.register("ben@example.org", url=self.en_url, first_name="=HYPERLINK(1)")
        self.page_url = reverse("event_registrations_event", args=[self.event.pk])

    def test_only_the_managers_role_sees_registrations(self):
        for user in (self.editor, self.translator):
            self.client.force_login(user)
            export = reverse("event_registrations_export", args=[self.event.pk, "csv"])
            for url in (self.page_url, reverse("event_registrations"), export):
                # Wagtail's admin answers a refused permission with a redirect home.
                response = self.client.get(url)
                self.assertIn(response.status_code, {302, 403}, url)
                self.assertNotContains(
                    response, "anna@example.org", status_code=response.status_code
                )
        self.client.force_login(self.manager)
        index = self.client.get(reverse("event_registrations"))
        self.assertContains(index, "Workshop sulle biobanche")

    def test_the_manager_sees_the_counts_and_the_list(self):
        self.client.force_login(self.manager)
        response = self.client.get(self.page_url)
        self.assertEqual(
            response.context["counts"],
            {
                "registered": 1,
                "waiting": 1,
                "cancelled": 0,
                "seats_left": 0,
            },
        )
        self.assertContains(response, "anna@example.org")
        self.assertContains(response, "ben@example.org")

    def test_exports_hold_everyone_with_formulas_neutralised(self):
        self.client.force_login(self.manager)
        response = self.client.get(
            reverse("event_registrations_export", args=[self.event.pk, "csv"])
        )
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(rows[0][:4], ["Cognome", "Nome", "E-mail", "Organizzazione"])
        self.assertIn("Esigenze alimentari", rows[0])
        self.assertEqual({row[2] for row in rows[1:]}, {"anna@example.org", "ben@example.org"})
        self.assertIn("'=HYPERLINK(1)", [row[1] for row in rows])
        response = self.client.get(
            reverse("event_registrations_export", args=[self.event.pk, "xlsx"])
        )
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
        self.assertIn("'=HYPERLINK(1)", values)
        self.assertIn("anna@example.org", values)

    def test_the_manager_writes_to_everyone_registered_in_their_language(self):
        self.client.force_login(self.manager)
        mail.outbox.clear()
        self.client.post(
            self.page_url,
            {
                "send_message": "1",
                "message-subject_it": "Aggiornamento",
                "message-text_it": "La sala è cambiata.",
                "message-subject_en": "Update",
                "message-text_en": "The room has changed.",
            },
        )
        [message] = mail.outbox  # only the confirmed person; ben waits
        self.assertEqual(message.subject, "Aggiornamento")
        self.assertIn("La sala è cambiata.", message.body)

    def test_the_manager_closes_registration_by_hand_and_raises_the_capacity(self):
        self.client.force_login(self.manager)
        response = self.client.post(
            self.page_url,
            {
                "save_settings": "1",
                "settings-capacity": "5",
                "settings-waiting_list": "on",
                "settings-closed_by_hand": "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        record = RegistrationSettings.objects.get()
        self.assertTrue(record.closed_by_hand)
        self.assertFalse(record.is_full)
        self.assertContains(
            self.client.get(self.it_url), "Le iscrizioni a questo evento sono chiuse."
        )
        self.assertEqual(Registration.objects.count(), 2)

    def test_a_translator_cannot_change_the_settings(self):
        self.client.force_login(self.translator)
        response = self.client.post(self.page_url, {"save_settings": "1", "settings-capacity": "9"})
        self.assertIn(response.status_code, {302, 403})
        self.assertEqual(RegistrationSettings.objects.get().capacity, 1)

    def test_the_event_editor_leads_managers_to_the_registrations(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.event.pk])
        self.client.force_login(self.manager)
        self.assertContains(self.client.get(edit_url), f'href="{self.page_url}"')
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get(edit_url), f'href="{self.page_url}"')
