from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events.models import YEAR_RULE, EventIndexPage, next_change
        from home.registry import route_rules, time_boundaries

        route_rules.register(EventIndexPage, "year", YEAR_RULE)

        # An event's page and the listings change when it starts, ends or closes registration.
        time_boundaries.register(next_change)
