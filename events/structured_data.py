"""schema.org Event data, as search engines read it."""

from django.utils import timezone

from events.choices import AttendanceMode, EventStatus, OrganiserRole
from home.structured_data import SCHEMA_CONTEXT, image_list, without_empty

STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
ATTENDANCE = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _moment(event, day, clock):
    if event.is_all_day:
        return day.isoformat()
    return clock.astimezone(timezone.get_default_timezone()).isoformat()


def _organisation(org):
    data = {"@type": "Organization", "name": org.name}
    if org.website:
        data["url"] = org.website
    return data


def event_structured_data(event, request):
    locations = []
    if event.has_venue:
        address = {
            "@type": "PostalAddress",
            "streetAddress": event.venue_address,
            "addressLocality": event.venue_city,
            "addressCountry": event.venue_country,
        }
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.venue_city,
                "address": without_empty(address),
            }
        )
    if event.is_online and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    organisers = event.display_organisers()[OrganiserRole.ORGANISER]
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Event",
        "name": event.title,
        "description": event.meta_description,
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
        "startDate": _moment(event, event.start_date, event.starts_at),
        "endDate": _moment(event, event.last_day, event.ends_at),
        "eventStatus": STATUS[event.status],
        "eventAttendanceMode": ATTENDANCE[event.attendance_mode],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": [_organisation(org) for org in organisers],
    }
    if event.registration_url:
        offer = {"@type": "Offer", "url": event.registration_url}
        if event.registration_deadline:
            offer["validThrough"] = event.registration_deadline.isoformat()
        data["offers"] = offer
    data["image"] = image_list(event.image, request)
    return without_empty(data)
