"""schema.org Event data, as search engines read it."""

from django.utils import timezone

from events.choices import (
    AttendanceMode,
    EventStatus,
    OrganiserRole,
    RegistrationMode,
    RegistrationState,
)
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

# How each on-site registration state reads as an Offer's availability.
AVAILABILITY = {
    RegistrationState.NOT_YET_OPEN: "https://schema.org/PreOrder",
    RegistrationState.OPEN: "https://schema.org/InStock",
    RegistrationState.WAITING_LIST: "https://schema.org/SoldOut",
    RegistrationState.FULL: "https://schema.org/SoldOut",
    RegistrationState.CLOSED: "https://schema.org/Discontinued",
}


def _on_site_offer(event, request, state):
    """The free Offer of on-site registration, its availability following the state."""
    record = event.registration_settings_record()
    closes = (record and record.closes_at) or event.registration_closes_at()
    opens = (record and record.opens_at) or event.first_published_at
    return {
        "@type": "Offer",
        "url": event.get_full_url(request)
        + event.reverse_subpage("register" if event.locale.language_code == "en" else "iscrizione"),
        "price": 0,
        "priceCurrency": "EUR",
        "availability": AVAILABILITY[state],
        "validFrom": opens.isoformat() if opens else "",
        "validThrough": closes.isoformat(),
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


def event_structured_data(event, request, registration_state=None):
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
    if registration_state:
        data["offers"] = _on_site_offer(event, request, registration_state)
    elif event.registration_mode == RegistrationMode.EXTERNAL and event.registration_url:
        offer = {"@type": "Offer", "url": event.registration_url}
        if event.registration_deadline:
            offer["validThrough"] = event.registration_deadline.isoformat()
        data["offers"] = offer
    data["image"] = image_list(event.image, request)
    return without_empty(data)
