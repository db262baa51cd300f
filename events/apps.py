from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from events.models import YEAR_RULE, EventIndexPage, EventPage, Registration, next_change
        from events.registration.notices import announce_on_publish
        from home.registry import field_equals, personal_data_models, route_rules, time_boundaries

        route_rules.register(EventIndexPage, "year", YEAR_RULE)

        # An event's page and the listings change when it starts, ends or closes registration.
        time_boundaries.register(next_change)
        # Registrations are visitors' personal data: read by managers only, exported
        # and erased per person, deleted after the retention period.
        personal_data_models.register(
            Registration, email_filter=field_equals("email"), date_field="created_at"
        )
        # Registered people hear of a cancelled, postponed or moved event.
        page_published.connect(
            announce_on_publish, sender=EventPage, dispatch_uid="events_registration_notices"
        )
