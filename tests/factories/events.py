import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage
from tests.factories.pages import _italian


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Eventi"
    slug = "eventi"
    summary = "Gli eventi del Cluster."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Evento {n}")
    slug = factory.Sequence(lambda n: f"evento-{n}")
    summary = factory.Sequence(lambda n: f"Sommario dell'evento {n}.")
    start_date = datetime.date(2030, 5, 20)
    venue_city = "Milano"
    venue_country = "Italia"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = EventPage
