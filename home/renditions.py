"""Every image rendition the templates use, by use, and their making when a page is published.

The templates ask for renditions only through the tags in `image_tags`, which
take a use named here; publishing a page makes all of them for the page's
images, so that no visitor waits for an image to be resized.
"""

from django.db import transaction
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage, Filter

# The filter specs of each use (Wagtail's `{a,b}` expansions allowed).
RENDITIONS = {
    # Every <picture> of the site: page images, cards, figures in bodies.
    "picture": "format-{avif,webp,jpeg} width-{400,800,1200}",
    # The Open Graph image in the page head.
    "open_graph": "fill-1200x630|format-jpeg",
    # The image of the page's schema.org data.
    "structured_data": "fill-1200x675|format-jpeg",
}


def filters(use):
    """Wagtail Filters for one use, its expansions expanded."""
    return [Filter(spec=spec) for spec in Filter.expand_spec(RENDITIONS[use])]


def all_filters():
    return [each for use in RENDITIONS for each in filters(use)]


def page_images(page):
    """The page's card image and the images inside its StreamFields."""
    images = []
    if isinstance(getattr(page, "image", None), AbstractImage):
        images.append(page.image)
    for field in page._meta.get_fields():
        value = getattr(page, field.name, None) if hasattr(field, "stream_block") else None
        if value is not None:
            images.extend(_images_in(value))
    return list({image.pk: image for image in images}.values())


def _images_in(value):
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue | ListValue):
        for child in value:
            yield from _images_in(getattr(child, "value", child))
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from _images_in(child)


def generate_for_page(page):
    """Make every rendition of every image of `page` that does not exist yet."""
    for image in page_images(page.specific):
        image.get_renditions(*all_filters())


def make_on_publish(sender, instance, **kwargs):
    """Signal receiver: make the page's renditions once its publication is committed."""
    transaction.on_commit(lambda: generate_for_page(instance))
