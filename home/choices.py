"""Choices shared by models and blocks (kept apart to avoid an import cycle)."""

from django.utils.translation import gettext_lazy as _

ORGANISATION_KINDS = [
    ("member", _("Member")),
    ("partner", _("Partner")),
    ("network", _("Network")),
    ("institution", _("Institution")),
]
