"""The fixed vocabularies of events, shared by models, templates, iCalendar and JSON-LD."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class OrganiserRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    EXTERNAL = "external", _("Registration elsewhere (link)")
    ON_SITE = "on_site", _("Registration on this site")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationState(models.TextChoices):
    """What the event page says of on-site registration; it changes rarely (page cache)."""

    NOT_YET_OPEN = "not_yet_open", _("Registration not open yet")
    OPEN = "open", _("Registration open")
    WAITING_LIST = "waiting_list", _("Full: waiting list open")
    FULL = "full", _("Full")
    CLOSED = "closed", _("Registration closed")
