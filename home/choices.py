"""Choices shared by models and blocks (kept apart to avoid an import cycle)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")
    NETWORK = "network", _("Network")
    INSTITUTION = "institution", _("Institution")


class MemberType(models.TextChoices):
    """What kind of body a member organisation is."""

    COMPANY = "company", _("Company")
    UNIVERSITY = "university", _("University or research centre")
    HOSPITAL = "hospital", _("Hospital or IRCCS")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Sector(models.TextChoices):
    """The part of the life sciences a member works in."""

    PHARMA = "pharma", _("Pharma")
    BIOTECH = "biotech", _("Biotech")
    MEDTECH = "medtech", _("Medtech and medical devices")
    DIAGNOSTICS = "diagnostics", _("Diagnostics")
    DIGITAL_HEALTH = "digital-health", _("Digital health")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")


class Province(models.TextChoices):
    """The twelve provinces of Lombardy (the metropolitan city of Milan among them)."""

    BERGAMO = "BG", "Bergamo"
    BRESCIA = "BS", "Brescia"
    COMO = "CO", "Como"
    CREMONA = "CR", "Cremona"
    LECCO = "LC", "Lecco"
    LODI = "LO", "Lodi"
    MANTOVA = "MN", _("Mantua")
    MILANO = "MI", _("Milan")
    MONZA_BRIANZA = "MB", _("Monza and Brianza")
    PAVIA = "PV", "Pavia"
    SONDRIO = "SO", "Sondrio"
    VARESE = "VA", "Varese"
