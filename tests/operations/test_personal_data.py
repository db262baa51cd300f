"""One person's data: found, exported and erased by e-mail address; old data deleted."""

import datetime
import json
from io import StringIO

import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from operations.models import OutgoingEmail
from operations.personal_data import erase, export, purge_expired
from services.models import ServiceRequest
from staff.roles import EDITORS, MANAGERS, apply_roles
from tests.admin import make_user
from tests.services.helpers import ServiceFormTestCase

OUTBOX = {
    "EMAIL_BACKEND": "operations.mail.OutboxBackend",
    "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@override_settings(**OUTBOX)
class PersonalDataTests(ServiceFormTestCase):
    def setUp(self):
        super().setUp()
        with self.captureOnCommitCallbacks(execute=True):
            self.post(self.service.url, e_mail=" Anna@Example.org ")
            self.post(self.service.url, nome_e_cognome="Carla Bianchi", e_mail="xanna@example.org")

    def test_an_export_holds_the_requests_and_e_mails_about_the_address_only(self):
        data = json.loads(export("ANNA@example.org"))
        requests = data["data"]["services.ServiceRequest"]
        self.assertEqual([row["fields"]["email"] for row in requests], ["anna@example.org"])
        messages = data["data"]["operations.OutgoingEmail"]
        self.assertEqual(len(messages), 1)
        self.assertIn("Anna Rossi", messages[0]["fields"]["message"]["body"])

    def test_erasure_removes_everything_about_the_address_and_nothing_else(self):
        counts = erase("anna@example.org")
        # Every registered model is counted; only these held rows about her.
        erased = {label: count for label, count in counts.items() if count}
        self.assertEqual(erased, {"services.ServiceRequest": 1, "operations.OutgoingEmail": 1})
        self.assertIn("events.Registration", counts)
        self.assertEqual(
            list(ServiceRequest.objects.values_list("email", flat=True)), ["xanna@example.org"]
        )
        self.assertEqual(OutgoingEmail.objects.count(), 1)

    @override_settings(PERSONAL_DATA_RETENTION_MONTHS=24)
    def test_data_older_than_the_retention_period_is_deleted_by_the_scheduler(self):
        old = ServiceRequest.objects.get(email="anna@example.org")
        ServiceRequest.objects.filter(pk=old.pk).update(
            submit_time=timezone.now() - datetime.timedelta(days=800)
        )
        self.assertEqual(purge_expired()["services.ServiceRequest"], 1)
        self.assertFalse(ServiceRequest.objects.filter(pk=old.pk).exists())
        with time_machine.travel(timezone.now() + datetime.timedelta(days=800)):
            call_command("run_scheduled", stdout=StringIO())
        self.assertFalse(ServiceRequest.objects.exists())
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_the_command_answers_access_and_erasure_requests(self):
        out = StringIO()
        call_command("personal_data", "export", "anna@example.org", stdout=out)
        self.assertIn("Anna Rossi", out.getvalue())
        call_command("personal_data", "erase", "anna@example.org", "--yes", stdout=StringIO())
        self.assertFalse(ServiceRequest.objects.filter(email="anna@example.org").exists())

    def test_a_manager_exports_and_erases_in_the_admin_an_editor_may_not(self):
        groups = apply_roles()
        self.client.force_login(make_user("redattore", groups[EDITORS]))
        self.assertNotEqual(self.client.get(reverse("personal_data")).status_code, 200)
        self.client.force_login(make_user("responsabile", groups[MANAGERS]))
        url = reverse("personal_data")
        found = self.page_html(url, {"email": "anna@example.org"})
        self.assertHtmlContains(found, present=["anna@example.org", "Esporta (JSON)"])
        download = self.client.post(url, {"email": "anna@example.org", "export": "1"})
        self.assertEqual(download["Content-Type"], "application/json")
        self.assertIn("Anna Rossi", download.content.decode())
        self.client.post(url, {"email": "anna@example.org", "erase": "1"})
        self.assertTrue(ServiceRequest.objects.filter(email="anna@example.org").exists())
        self.client.post(url, {"email": "anna@example.org", "erase": "1", "confirm": "1"})
        self.assertFalse(ServiceRequest.objects.filter(email="anna@example.org").exists())
