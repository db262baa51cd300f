from django import template

from services.models import ServiceIndexPage

register = template.Library()


@register.simple_tag
def services_of(home):
    """The services index under a home page and its services, for cards."""
    return ServiceIndexPage.section_under(home, lambda index: index.child_cards())
