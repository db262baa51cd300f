from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events.models import next_change
        from home.registry import time_boundaries

        # An event's page and the listings change when it starts, ends or closes registration.
        time_boundaries.register(next_change)
