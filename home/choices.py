"""Choices shared by models and blocks (kept apart to avoid an import cycle)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MEMBER = "member", _("Member")
    PARTNER = "partner", _("Partner")
    NETWORK = "network", _("Network")
    INSTITUTION = "institution", _("Institution")
