"""Template tags of the admin's translation screens."""

import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name

from home.formats import MONTHS_IN_DATES

register = template.Library()


@register.simple_tag
def can_publish_translation(user, instance):
    """Whether `user` may publish `instance` themselves, or must send it for approval."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.has_perm(get_permission_name("publish", type(instance)))


@register.filter
def translation_editor_props(props):
    """The translation editor's settings, without "convert to alias" (Italian text under /en/)."""
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    for translation in data.get("initialStringTranslations", []):
        if translation.get("comment"):
            translation["comment"] = months_in_language(translation["comment"])
    return json.dumps(data, cls=DjangoJSONEncoder)


# As strftime("%B") writes them in the C locale wagtail-localize relies on.
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_NAME = re.compile(r"\b(" + "|".join(ENGLISH_MONTHS) + r")\b")


def months_in_language(text):
    """`text` with the English month names wagtail-localize writes ("2 December 2026")
    in the active language ("2 dicembre 2026")."""
    return MONTH_NAME.sub(lambda match: str(MONTHS_IN_DATES[ENGLISH_MONTHS.index(match[1])]), text)
