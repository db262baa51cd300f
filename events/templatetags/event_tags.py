from django import template

from events.models import EventIndexPage

register = template.Library()


@register.simple_tag
def next_events(home, count=3):
    """The next events of the home page's language, for cards."""
    index = EventIndexPage.objects.live().public().child_of(home).first()
    if index is None:
        return {"index": None, "items": []}
    return {"index": index, "items": list(index.upcoming_events()[:count])}
