"""Image tags that take a use from `home.renditions`, so templates and pre-generation agree."""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home import renditions

register = template.Library()


@register.simple_tag
def picture_for(image, use, **attrs):
    """A <picture> of `image` with the renditions of `use` (attributes as for {% picture %})."""
    if not image:
        return ""
    return Picture(get_renditions_or_not_found(image, renditions.filters(use)), attrs).__html__()


@register.simple_tag
def rendition_for(image, use):
    """The one rendition of `use` (a use with a single spec), for its URL and size."""
    (image_filter,) = renditions.filters(use)
    return get_renditions_or_not_found(image, [image_filter])[image_filter.spec]
