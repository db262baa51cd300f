"""Fixed vocabularies of the members app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeRole(models.TextChoices):
    """What a person is in a governing body; labels come from the interface catalogue."""

    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice-president")
    SECRETARY_GENERAL = "secretary_general", _("Secretary general")
    TREASURER = "treasurer", _("Treasurer")
    COUNCILLOR = "councillor", _("Board member")
    AUDITOR = "auditor", _("Auditor")
    MEMBER = "member", _("Member of the body")
