"""The state of an event's on-site registration, as its page and its form show it."""

from django.conf import settings
from django.utils import timezone

from events.choices import RegistrationState
from events.registration.models import RegistrationSettings

# States in which the form takes new registrations (a seat or a place in line).
TAKING_REGISTRATIONS = {RegistrationState.OPEN, RegistrationState.WAITING_LIST}


def settings_of(event):
    """The settings row shared by `event`'s languages, or None: one query, by the source's key."""
    return RegistrationSettings.objects.filter(
        event__translation_key=event.translation_key,
        event__locale__language_code=settings.LANGUAGE_CODE,
    ).first()


def closes_at(event, record):
    """When registration closes: the staff's date, else the deadline, else the start."""
    return (record and record.closes_at) or event.registration_closes_at()


def registration_state(event, record, now=None):
    """The RegistrationState of `event` (any language) with its shared `record` (or None)."""
    now = now or timezone.now()
    if (
        event.is_cancelled
        or (record and record.closed_by_hand)
        or now >= closes_at(event, record)
        or event.is_over(now)
    ):
        return RegistrationState.CLOSED
    if record and record.opens_at and now < record.opens_at:
        return RegistrationState.NOT_YET_OPEN
    if record and record.is_full:
        return RegistrationState.WAITING_LIST if record.waiting_list else RegistrationState.FULL
    return RegistrationState.OPEN
