"""Image tags that take a use from `home.renditions`, so templates and pre-generation agree."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home import lookups, renditions, social_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def picture_for(context, image, use, **attrs):
    """A <picture> of `image` with the renditions of `use` (attributes as for {% picture %}).

    The markup is kept across requests (`home.lookups`; saving the image forgets it):
    reading nine renditions back from Wagtail's cache costs more than the page around it.
    """
    if not image:
        return ""

    def build():
        found = get_renditions_or_not_found(image, renditions.filters(use))
        return Picture(found, attrs).__html__()

    digest = hashlib.blake2b(repr(sorted(attrs.items())).encode(), digest_size=12).hexdigest()
    name = f"picture:{image.pk}:{use}:{digest}"
    return mark_safe(lookups.cached(context.get("request"), name, build))  # noqa: S308


@register.simple_tag
def rendition_for(image, use):
    """The one rendition of `use` (a use with a single spec), for its URL and size."""
    (image_filter,) = renditions.filters(use)
    return get_renditions_or_not_found(image, [image_filter])[image_filter.spec]


@register.simple_tag(takes_context=True)
def social_card_for(context, page):
    """URL, width, height and alt text of the page's social card (home.social_cards), or None."""
    return social_cards.social_card(page, context.get("request"))
