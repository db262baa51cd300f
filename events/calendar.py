"""iCalendar files: one event, or the upcoming events of one language."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from events.choices import EventStatus

STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event):
    """Stable across edits and renames: the event's translation key and language."""
    return f"{event.translation_key}-{event.locale.language_code}@clls-site"


def calendar_event(event, request):
    item = Event()
    item.add("uid", event_uid(event))
    item.add("summary", event.title)
    item.add("dtstamp", event.last_published_at or timezone.now())
    if event.is_all_day:
        item.add("dtstart", event.start_date)
        # DTEND of an all-day event is the day after the last one (RFC 5545).
        item.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        rome = timezone.get_default_timezone()
        item.add("dtstart", event.starts_at.astimezone(rome))
        item.add("dtend", event.ends_at.astimezone(rome))
    item.add("status", STATUS[event.status])
    url = event.get_full_url(request)
    item.add("url", url)
    location = event.place if event.has_venue else event.online_url
    if location:
        item.add("location", location)
    description = "\n\n".join(part for part in [event.summary, url] if part)
    item.add("description", description)
    return item


def calendar_response(request, events, *, name, filename, language):
    calendar = Calendar()
    calendar.add("prodid", "-//Cluster Lombardo Scienze della Vita//clls-site//IT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    for event in events:
        calendar.add_component(calendar_event(event, request))
    calendar.add_missing_timezones()
    if not calendar.subcomponents:
        # RFC 5545 (3.6) wants at least one component: a calendar of no coming
        # event carries the site's time zone, which Google, Outlook and Apple accept.
        calendar.add_component(Timezone.from_tzid(timezone.get_default_timezone_name()))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    return response
