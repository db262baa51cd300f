"""Every e-mail goes through the outbox: stored with what caused it, delivered, retried."""

import datetime
from io import StringIO

import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from operations.mail import send_due
from operations.models import OutgoingEmail
from services.models import ServiceRequest
from staff.roles import MANAGERS, apply_roles
from tests.admin import make_user
from tests.services.helpers import ServiceFormTestCase

OUTBOX = {
    "EMAIL_BACKEND": "operations.mail.OutboxBackend",
    "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}
SERVER_DOWN = {**OUTBOX, "OUTBOX_DELIVERY_BACKEND": "tests.services.helpers.BrokenEmailBackend"}


@override_settings(**OUTBOX)
class OutboxTests(TestCase):
    def test_a_message_is_stored_then_delivered_once_its_transaction_commits(self):
        with self.captureOnCommitCallbacks(execute=True):
            send_mail("Oggetto", "Testo", "sito@clls.example", ["Anna@Example.org"])
            self.assertEqual(OutgoingEmail.objects.get().status, OutgoingEmail.Status.PENDING)
            self.assertEqual(mail.outbox, [])
        entry = OutgoingEmail.objects.get()
        self.assertEqual(entry.status, OutgoingEmail.Status.SENT)
        self.assertEqual(entry.recipients, "anna@example.org")
        self.assertEqual([m.subject for m in mail.outbox], ["Oggetto"])

    def test_html_alternatives_and_attachments_arrive_as_written(self):
        message = EmailMultiAlternatives("Evento", "Testo", to=["anna@example.org"])
        message.attach_alternative("<p>Testo</p>", "text/html")
        message.attach("evento.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
        with self.captureOnCommitCallbacks(execute=True):
            message.send()
        delivered = mail.outbox[0]
        self.assertEqual(delivered.alternatives[0][0], "<p>Testo</p>")
        self.assertEqual(delivered.attachments[0][0], "evento.ics")
        content = delivered.attachments[0][1]
        self.assertIn("BEGIN:VCALENDAR", content if isinstance(content, str) else content.decode())

    @override_settings(**SERVER_DOWN)
    def test_while_the_server_is_down_messages_wait_and_are_retried_later(self):
        with self.assertLogs("operations.mail"), self.captureOnCommitCallbacks(execute=True):
            send_mail("Oggetto", "Testo", "sito@clls.example", ["anna@example.org"])
        entry = OutgoingEmail.objects.get()
        self.assertEqual((entry.status, entry.attempts), (OutgoingEmail.Status.PENDING, 1))
        self.assertIn("not answering", entry.last_error)
        self.assertEqual(send_due(), 0, "not due before its next attempt")
        with (
            override_settings(**OUTBOX),
            time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)),
        ):
            call_command("run_scheduled", stdout=StringIO())
        entry.refresh_from_db()
        self.assertEqual((entry.status, entry.attempts), (OutgoingEmail.Status.SENT, 2))
        self.assertEqual(len(mail.outbox), 1)

    @override_settings(**SERVER_DOWN, OUTBOX_MAX_ATTEMPTS=2)
    def test_after_the_last_attempt_a_message_is_marked_failed(self):
        with self.assertLogs("operations.mail"), self.captureOnCommitCallbacks(execute=True):
            send_mail("Oggetto", "Testo", "sito@clls.example", ["anna@example.org"])
        with (
            time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)),
            self.assertLogs("operations.mail", level="ERROR"),
        ):
            send_due()
        self.assertEqual(OutgoingEmail.objects.get().status, OutgoingEmail.Status.FAILED)


@override_settings(**SERVER_DOWN)
class RequestWithMailServerDownTests(ServiceFormTestCase):
    def test_the_request_is_kept_and_its_notification_waits_in_the_outbox(self):
        with self.assertLogs("operations.mail"), self.captureOnCommitCallbacks(execute=True):
            response = self.post(self.service.url)
        self.assertContains(response, "la richiesta è stata inviata")
        self.assertEqual(ServiceRequest.objects.get().email, "anna@example.org")
        entry = OutgoingEmail.objects.get()
        self.assertEqual(entry.status, OutgoingEmail.Status.PENDING)
        self.assertIn("Anna Rossi", entry.message["body"])

    def test_managers_see_the_outbox_in_the_admin(self):
        with self.assertLogs("operations.mail"), self.captureOnCommitCallbacks(execute=True):
            self.post(self.service.url)
        manager = make_user("responsabile", apply_roles()[MANAGERS])
        self.client.force_login(manager)
        html = self.page_html(reverse("outbox:index"))
        self.assertHtmlContains(html, present=["Nuova richiesta", "In attesa di invio"])
