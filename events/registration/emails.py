"""The e-mails of registration, each in the language the person registered in.

They go through the site's outbox (operations.mail): written in the transaction
that changed the registration, delivered after it commits, retried while the
mail server is down.
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from events.calendar import calendar_response
from events.choices import RegistrationStatus

CONFIRMED, WAITING, PROMOTED, CANCELLED, EVENT_CHANGED, MESSAGE = (
    "confirmed",
    "waiting",
    "promoted",
    "cancelled",
    "event_changed",
    "message",
)


def event_in(source, language):
    """The live event page in `language`, else the source page."""
    if source.locale.language_code == language:
        return source
    translation_page = (
        type(source)
        .objects.live()
        .filter(translation_key=source.translation_key, locale__language_code=language)
        .first()
    )
    return translation_page or source


def ics_attachment(event):
    response = calendar_response(
        None,
        [event],
        name=event.title,
        filename=f"{event.slug}.ics",
        language=event.locale.language_code,
    )
    return (f"{event.slug}.ics", response.content, "text/calendar")


def compose(registration, kind, *, subject=None, text=None, with_calendar=False):
    """One e-mail to `registration`'s person, written in their language."""
    with translation.override(registration.language):
        event = event_in(registration.event, registration.language)
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            # The source's status: a translation may wait for its next sync.
            "source": registration.event,
            "place": registration.waiting_place(),
            "cancel_url": event.cancel_url(registration.cancel_token),
            "event_url": event.get_full_url(),
            "text": text,
        }
        body = render_to_string("events/registration/email.txt", context)
        subject = (
            subject or render_to_string("events/registration/email_subject.txt", context).strip()
        )
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if with_calendar:
        message.attach(*ics_attachment(event))
    return message


def send_confirmation(registration):
    """The confirmation of a seat, or of a place on the waiting list (sent again on request)."""
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    compose(registration, CONFIRMED if confirmed else WAITING, with_calendar=confirmed).send()


def send_promotion(registration):
    compose(registration, PROMOTED, with_calendar=True).send()


def send_cancellation(registration):
    compose(registration, CANCELLED).send()


def send_event_change(registration):
    compose(registration, EVENT_CHANGED, with_calendar=True).send()


def send_message(registration, subject, text):
    """A message staff wrote to everyone registered, in this person's language."""
    compose(registration, MESSAGE, subject=subject, text=text).send()
