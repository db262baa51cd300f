"""One person's data across the site: found, exported and erased by e-mail address; and
everyone's data deleted once the retention period is over.

The models come from `home.registry.personal_data_models`, which each app fills
with where it keeps personal data.
"""

import datetime
import json
import re

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from home.registry import personal_data_models


def normalise(email):
    return email.strip().lower()


def rows_of(email):
    """Each registered model with the queryset of rows about `email`."""
    address = normalise(email)
    return [
        (
            model,
            model._default_manager.filter(personal_data_models.where(model).email_filter(address)),
        )
        for model in personal_data_models
    ]


def mentions(field, email):
    """Rows whose text `field` holds `email` as a whole address, not inside a longer one."""
    pattern = rf"(^|[^a-z0-9._%+-]){re.escape(email)}($|[^a-z0-9.-])"
    return Q(**{f"{field}__iregex": pattern})


def export(email):
    """Everything the site keeps about `email`, as JSON text: model label → its rows."""
    data = {
        model._meta.label: serializers.serialize("python", rows) for model, rows in rows_of(email)
    }
    return json.dumps(
        {"email": normalise(email), "exported_at": timezone.now(), "data": data},
        cls=DjangoJSONEncoder,
        indent=2,
        ensure_ascii=False,
    )


@transaction.atomic
def erase(email):
    """Delete everything the site keeps about `email`; return the count per model label."""
    counts = {}
    for model, rows in rows_of(email):
        counts[model._meta.label] = rows.count()
        rows.delete()
    return counts


def retention_cutoff(now=None):
    """Rows dated before this moment are past the retention period."""
    days = round(settings.PERSONAL_DATA_RETENTION_MONTHS * 365.25 / 12)
    return (now or timezone.now()) - datetime.timedelta(days=days)


@transaction.atomic
def purge_expired(now=None):
    """Delete every registered row older than the retention period; count per model label."""
    cutoff = retention_cutoff(now)
    counts = {}
    for model in personal_data_models:
        date_field = personal_data_models.where(model).date_field
        expired = model._default_manager.filter(**{f"{date_field}__lt": cutoff})
        counts[model._meta.label] = expired.count()
        expired.delete()
    return counts


def forget_expired_login_failures(now=None):
    """Delete failed admin logins (account, address, browser) whose cool-off is over.

    django-axes does the same at each login attempt; the scheduler does it too, so that
    on a quiet admin the rows do not outlive the only purpose they serve. Returns the count.
    """
    cool_off = get_cool_off()
    if cool_off is None:
        return 0
    deleted, _ = AccessAttempt.objects.filter(
        attempt_time__lte=(now or timezone.now()) - cool_off
    ).delete()
    return deleted
