from django import template

from home.models import with_renditions
from pillars.models import PillarPage

register = template.Library()


@register.simple_tag
def pillars_of(home):
    """The live pillars under a home page, in the editors' order."""
    return list(
        PillarPage.objects.live()
        .public()
        .child_of(home)
        .prefetch_related(with_renditions("image"))
        .defer_streamfields()
        .order_by("path")
    )
