"""schema.org Event data, as search engines read it."""

from django.utils import timezone

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
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
                "address": {key: value for key, value in address.items() if value},
            }
        )
    if event.is_online and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    organisers = event.display_organisers()["organiser"]
    data = {
        "@context": "https://schema.org",
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
    if event.image:
        rendition = event.image.get_rendition("fill-1200x675|format-jpeg")
        data["image"] = [request.build_absolute_uri(rendition.url)]
    return {key: value for key, value in data.items() if value}
