"""Registered people told when their event is cancelled, postponed or moved (in time or place)."""

from events.choices import RegistrationMode
from events.registration import service


def announce_on_publish(sender, instance, **kwargs):
    """On publishing the source event, e-mail its registered people what changed (if anything)."""
    if instance.registration_mode != RegistrationMode.ON_SITE:
        return
    if instance.source_page().pk != instance.pk:
        return
    service.announce_changes(instance)
