from django import template

from home import lookups
from pillars.models import PillarPage

register = template.Library()


@register.simple_tag(takes_context=True)
def pillars_of(context, home):
    """The live pillars under a home page, in the editors' order (kept across requests)."""
    return lookups.cached(
        context.get("request"),
        f"pillars-of:{home.pk}",
        lambda: list(PillarPage.cards_under(home)),
    )
