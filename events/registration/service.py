"""Taking and giving back seats, under a lock on the event's settings row.

Every change of seats runs in one transaction that first locks the event's
`RegistrationSettings` row (SELECT … FOR UPDATE on PostgreSQL; on SQLite the
transaction is IMMEDIATE, settings `transaction_mode`, so writers queue): two
people can never take the last seat together. The e-mails are written to the
outbox in the same transaction and sent after it commits.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from events.choices import RegistrationState, RegistrationStatus
from events.registration import emails
from events.registration.models import Registration, RegistrationSettings
from events.registration.state import TAKING_REGISTRATIONS, registration_state
from home import lookups


@dataclass
class Outcome:
    """What a registration attempt did: a new row, a confirmation re-sent, or a refusal."""

    registration: Registration | None = None
    created: bool = False
    refused: str | None = None


def record_for(source):
    """The settings row of the source event, made with its defaults on first use."""
    return RegistrationSettings.objects.get_or_create(event=source)[0]


def _locked(record):
    return RegistrationSettings.objects.select_for_update().get(pk=record.pk)


def _keep_fullness(record, confirmed):
    """Store whether the seats are all taken; purge the cached pages when that flips."""
    full = record.capacity is not None and confirmed >= record.capacity
    if full != record.is_full:
        RegistrationSettings.objects.filter(pk=record.pk).update(is_full=full)
        record.is_full = full
        # A QuerySet.update() sends no signal: say so to the caches.
        lookups.content_changed()


def recount(record):
    """Bring `is_full` in line with the seats after staff change the capacity."""
    with transaction.atomic():
        record = _locked(record)
        _keep_fullness(record, Registration.objects.confirmed().filter(event=record.event).count())


def register(source, *, data, answers, language, consent_text, now=None):
    """Register a person for `source` (the Italian event) and write their e-mail."""
    now = now or timezone.now()
    email = data["email"].strip().lower()
    record = record_for(source)
    with transaction.atomic():
        record = _locked(record)
        existing = Registration.objects.active().filter(event=source, email=email).first()
        if existing:
            emails.send_confirmation(existing)
            return Outcome(existing, created=False)
        state = registration_state(source, record, now)
        if state not in TAKING_REGISTRATIONS:
            return Outcome(refused=state)
        confirmed = Registration.objects.confirmed().filter(event=source).count()
        if record.capacity is None or confirmed < record.capacity:
            status = RegistrationStatus.CONFIRMED
            confirmed += 1
        elif record.waiting_list:
            status = RegistrationStatus.WAITING
        else:
            _keep_fullness(record, confirmed)
            return Outcome(refused=RegistrationState.FULL)
        registration = Registration.objects.create(
            event=source,
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=email,
            organisation=data.get("organisation", "").strip(),
            answers=answers,
            language=language,
            status=status,
            consent_text=consent_text,
            consent_given_at=now,
        )
        if not record.announced_status:
            RegistrationSettings.objects.filter(pk=record.pk).update(**announced_facts(source))
        _keep_fullness(record, confirmed)
        emails.send_confirmation(registration)
    return Outcome(registration, created=True)


def cancel(registration, now=None):
    """Cancel a registration and give its seat to the first on the waiting list.

    Returns the promoted registration, or None. Cancelling twice does nothing.
    """
    now = now or timezone.now()
    record = record_for(registration.event)
    with transaction.atomic():
        record = _locked(record)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        emails.send_cancellation(registration)
        promoted = None
        confirmed = Registration.objects.confirmed().filter(event=record.event).count()
        event = registration.event
        if (record.capacity is None or confirmed < record.capacity) and not (
            event.is_cancelled or event.is_over(now)
        ):
            promoted = Registration.objects.waiting().filter(event=event).first()
            if promoted:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.promoted_at = now
                promoted.save(update_fields=["status", "promoted_at"])
                confirmed += 1
                emails.send_promotion(promoted)
        _keep_fullness(record, confirmed)
    return promoted


def close_by_hand(record, closed=True):
    """Close (or reopen) registration; the settings save purges the cached event pages."""
    record.closed_by_hand = closed
    record.save(update_fields=["closed_by_hand"])


def announced_facts(source):
    """What registered people are told of the event, as RegistrationSettings' announced_ fields."""
    return {
        "announced_status": source.status,
        "announced_starts_at": source.starts_at,
        "announced_ends_at": source.ends_at,
        "announced_place": " | ".join(part for part in (source.place, source.online_url) if part),
    }


def announce_changes(source):
    """Tell registered people when their event is cancelled, postponed, moved in time or place."""
    record = RegistrationSettings.objects.filter(event=source).first()
    if record is None or not record.announced_status:
        return 0
    facts = announced_facts(source)
    told = {name: getattr(record, name) for name in facts}
    if told["announced_place"] is None:
        # Recorded before places were kept: nothing to compare the place with yet.
        told["announced_place"] = facts["announced_place"]
        RegistrationSettings.objects.filter(pk=record.pk).update(
            announced_place=facts["announced_place"]
        )
    if told == facts:
        return 0
    people = list(Registration.objects.active().filter(event=source))
    with transaction.atomic():
        for registration in people:
            emails.send_event_change(registration)
        RegistrationSettings.objects.filter(pk=record.pk).update(**facts)
    return len(people)
