"""The e-mail outbox: every e-mail the site sends is stored first, then delivered.

`OutboxBackend` is Django's `EMAIL_BACKEND`, so request notifications, the
workflow's messages to managers, password resets and whatever comes later all
pass through it: each message becomes an `OutgoingEmail` row in the transaction
of what caused it, and is handed to the real backend (`OUTBOX_DELIVERY_BACKEND`)
once that transaction commits. A message the mail server refuses stays pending
and the scheduler (`manage.py send_outbox`, every minute) tries again, waiting
longer each time, until `OUTBOX_MAX_ATTEMPTS`.
"""

import base64
import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from operations.models import OutgoingEmail

logger = logging.getLogger(__name__)


def serialise(message):
    """A Django e-mail message as JSON-friendly data, attachments included."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def _attachment(item):
    filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def rebuild(data):
    """The e-mail message that `serialise` stored."""
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class OutboxBackend(BaseEmailBackend):
    """Writes each message to the outbox; it is delivered once the transaction commits."""

    def send_messages(self, email_messages):
        for message in email_messages:
            data = serialise(message)
            recipients = [*data["to"], *data["cc"], *data["bcc"]]
            entry = OutgoingEmail.objects.create(
                subject=data["subject"][:998],
                from_email=data["from_email"] or settings.DEFAULT_FROM_EMAIL,
                recipients="\n".join(address.strip().lower() for address in recipients),
                message=data,
            )
            transaction.on_commit(partial(deliver, entry.pk), robust=True)
        return len(email_messages)


def retry_delay(attempts):
    """How long to wait after `attempts` failed tries: 1, 2, 4, … minutes, at most an hour."""
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), 60))


def deliver(pk):
    """Try to send one pending message now; record the outcome. True when sent."""
    with transaction.atomic():
        entry = (
            OutgoingEmail.objects.select_for_update()
            .filter(pk=pk, status=OutgoingEmail.Status.PENDING)
            .first()
        )
        if entry is None:
            return False
        entry.attempts += 1
        try:
            connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND)
            connection.send_messages([rebuild(entry.message)])
        # Whatever the mail server or the network does wrong, the message waits for a retry.
        except Exception as error:
            entry.last_error = f"{type(error).__name__}: {error}"[:2000]
            if entry.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                entry.status = OutgoingEmail.Status.FAILED
                logger.error("E-mail %s failed %s times; giving up.", entry.pk, entry.attempts)
            else:
                entry.next_attempt_at = timezone.now() + retry_delay(entry.attempts)
                logger.warning("E-mail %s not sent (%s); will retry.", entry.pk, entry.last_error)
            entry.save()
            return False
        entry.status = OutgoingEmail.Status.SENT
        entry.sent_at = timezone.now()
        entry.last_error = ""
        entry.save()
        return True


def due():
    """Pending messages whose next attempt has come."""
    return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    )


def send_due():
    """Deliver every message that is due; return how many were sent."""
    return sum(deliver(pk) for pk in due().values_list("pk", flat=True))
