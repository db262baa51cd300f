import datetime

import factory

from events.models import EventIndexPage, EventPage
from tests.factories.pages import SourcePageFactory, numbered


class EventIndexPageFactory(SourcePageFactory):
    title = "Eventi"
    slug = "eventi"
    summary = "Gli eventi del Cluster."

    class Meta:
        model = EventIndexPage


class EventPageFactory(SourcePageFactory):
    title = numbered("Evento")
    summary = factory.Sequence("Sommario dell'evento {}.".format)
    start_date = datetime.date(2030, 5, 20)
    venue_city = "Milano"
    venue_country = "Italia"

    class Meta:
        model = EventPage
