from django import template

from events.models import EventIndexPage, EventPage

register = template.Library()


@register.simple_tag(takes_context=True)
def next_events(context, home):
    """The next three events of the home page's language, for cards (built again as they pass)."""
    return EventIndexPage.section_under(
        home,
        lambda index: index.upcoming_events()[:3],
        request=context.get("request"),
        timely=True,
    )


@register.simple_tag
def pillar_events(pillar, count=3):
    """The coming events of the pillar's language that name it, for cards."""
    items = EventPage.objects.for_cards().in_language_of(pillar).in_pillar(pillar).upcoming()
    return list(items[:count])


@register.simple_tag
def organisation_events(organisation, count=10):
    """Events of the organisation's language that it organises or partners, newest first."""
    items = EventPage.objects.for_cards().in_language_of(organisation)
    return list(items.with_organisation(organisation).order_by("-starts_at", "-pk")[:count])
