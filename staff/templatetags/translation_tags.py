"""Template tags of the admin's translation screens."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name

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
    return json.dumps(data, cls=DjangoJSONEncoder)
