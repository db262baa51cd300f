from django import template

from services.models import ServiceIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def services_of(context, home):
    """The services index under a home page and its services, for cards."""
    return ServiceIndexPage.section_under(
        home, lambda index: index.child_cards(), request=context.get("request")
    )
