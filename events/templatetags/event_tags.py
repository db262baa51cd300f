from django import template

from events.models import EventIndexPage, EventPage

register = template.Library()

NEXT = 3


@register.simple_tag
def next_events(home, count=NEXT):
    """The next events of the home page's language, for cards."""
    index = EventIndexPage.objects.live().public().child_of(home).first()
    if index is None:
        return {"index": None, "items": []}
    return {"index": index, "items": list(index.upcoming_events()[:count])}


@register.simple_tag
def pillar_events(pillar, count=NEXT):
    """The coming events of the pillar's language that name it, for cards."""
    items = EventPage.objects.for_cards().in_language_of(pillar).in_pillar(pillar).upcoming()
    return list(items[:count])
