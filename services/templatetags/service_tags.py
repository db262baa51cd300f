from django import template

from services.models import ServiceIndexPage

register = template.Library()


@register.simple_tag
def services_of(home):
    """The services index under a home page and its services, for cards."""
    index = ServiceIndexPage.objects.live().public().child_of(home).first()
    if index is None:
        return {"index": None, "items": []}
    return {"index": index, "items": list(index.services())}
