"""Failed logins, throttled by django-axes: the lockout page, and the managers' unlock screen.

Axes counts failures per account and per address (`AXES_LOCKOUT_PARAMETERS`),
the address coming from `operations.clients.client_address`. An account or
an address past `AXES_FAILURE_LIMIT` is refused until the cool-off ends or a
manager unlocks it here (or an operator runs `manage.py axes_reset`).
"""

from dataclasses import dataclass
from datetime import datetime

from axes.conf import settings as axes_settings
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

UNLOCK_LOGINS = "axes.delete_accessattempt"
LOCKED_OUT_STATUS = 429


def lockout_response(request, original_response=None, credentials=None):
    """Our page for a refused login, in the visitor's language, with the wait it asks for."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(
        request, "staff/locked_out.html", {"cool_off_minutes": minutes}, status=LOCKED_OUT_STATUS
    )


@dataclass(frozen=True)
class Lock:
    """Failed logins of one account or from one address, since the cool-off began."""

    kind: str
    value: str
    failures: int
    last_attempt: datetime

    @property
    def is_locked(self):
        return self.failures >= axes_settings.AXES_FAILURE_LIMIT


def current_attempts():
    """Failed attempts not yet past their cool-off."""
    attempts = AccessAttempt.objects.all()
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def locks(field):
    """Failures grouped by account ("username") or by address ("ip_address"), latest first."""
    rows = (
        current_attempts()
        .exclude(**{field: None})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .order_by("-last_attempt")
    )
    return [Lock(field, row[field], row["failures"], row["last_attempt"]) for row in rows]


@permission_required(UNLOCK_LOGINS, raise_exception=True)
def login_attempts_view(request):
    """Accounts and addresses with failed logins, locked or not, each with an unlock button."""
    context = {
        "accounts": locks("username"),
        "addresses": locks("ip_address"),
        "failure_limit": axes_settings.AXES_FAILURE_LIMIT,
    }
    return TemplateResponse(request, "staff/admin/login_attempts.html", context)


@require_POST
@permission_required(UNLOCK_LOGINS, raise_exception=True)
def unlock_view(request):
    """Forget the failed logins of one account or one address: it may log in again at once."""
    username = request.POST.get("username", "")
    address = request.POST.get("ip_address", "")
    if username:
        reset(username=username)
        messages.success(request, _("The account “%(name)s” is unlocked.") % {"name": username})
    elif address:
        reset(ip=address)
        messages.success(request, _("The address %(address)s is unlocked.") % {"address": address})
    return redirect("login_attempts")
