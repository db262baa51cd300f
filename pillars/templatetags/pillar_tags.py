from django import template

from pillars.models import PillarPage

register = template.Library()


@register.simple_tag
def pillars_of(home):
    """The live pillars under a home page, in the editors' order."""
    return list(PillarPage.cards_under(home))
