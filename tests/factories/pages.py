"""A factory per page type of the site, each making Italian source pages."""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage, Tag
from members.models import GovernancePage, MemberDirectoryPage
from news.models import NewsIndexPage, NewsPage
from pillars.models import InitiativePage, PillarPage
from services.models import ServiceIndexPage, ServicePage


def _italian():
    return Locale.objects.get_or_create(language_code="it")[0]


def numbered(text):
    """'Notizia 0', 'Notizia 1', …: a distinct value per object made."""
    return factory.Sequence(f"{text} {{}}".format)


class SourcePageFactory(wagtail_factories.PageFactory):
    """An Italian source page; its slug, unless a test gives one, is its title's, numbered.

    News items and events also take their tags by name and the pillars they belong to.
    """

    locale = factory.LazyFunction(_italian)
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)}-{n}")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if create and names:
            self.tags.set([Tag.objects.get_or_create(locale=self.locale, name=n)[0] for n in names])
            self.save()

    @factory.post_generation
    def pillars(self, create, pillars, **kwargs):
        if create and pillars:
            for pillar in pillars:
                self.pillar_links.create(pillar=pillar)
            self.save()


# Every page type the site defines, with what its pages hold unless a test says otherwise.
PAGE_DEFAULTS = {
    HomePage: {
        "title": "Cluster Lombardo Scienze della Vita",
        "summary": "Il cluster lombardo delle scienze della vita.",
    },
    StandardPage: {"title": numbered("Pagina"), "summary": "Una pagina di testo."},
    NewsIndexPage: {"title": "Notizie", "slug": "notizie", "summary": "Le novità del Cluster."},
    NewsPage: {
        "title": numbered("Notizia"),
        "summary": factory.Sequence("Sommario della notizia {}.".format),
        "date": factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n)),
    },
    EventIndexPage: {"title": "Eventi", "slug": "eventi", "summary": "Gli eventi del Cluster."},
    EventPage: {
        "title": numbered("Evento"),
        "summary": factory.Sequence("Sommario dell'evento {}.".format),
        "start_date": datetime.date(2030, 5, 20),
        "venue_city": "Milano",
        "venue_country": "Italia",
    },
    PillarPage: {
        "title": numbered("Ambito"),
        "summary": "Un ambito di lavoro del Cluster.",
        "aims": "<p>Gli obiettivi dell'ambito.</p>",
    },
    InitiativePage: {"title": numbered("Iniziativa"), "summary": "Una scheda progetto."},
    ServiceIndexPage: {
        "title": "Servizi per i soci",
        "slug": "servizi",
        "summary": "I servizi del Cluster.",
    },
    MemberDirectoryPage: {"title": "Soci", "slug": "soci", "summary": "Chi fa parte del Cluster."},
    GovernancePage: {
        "title": "Organi sociali",
        "slug": "organi-sociali",
        "summary": "Chi guida l'associazione.",
    },
    ServicePage: {
        "title": numbered("Servizio"),
        "summary": "Un servizio per i soci.",
        "to_address": "sportello@clls.example, redazione@clls.example",
        "from_address": "sito@clls.example",
        "subject": "Nuova richiesta",
    },
}

# The factory of each page type (a meta-test checks that every type has one).
PAGE_FACTORIES = {
    model: factory.make_factory(model, FACTORY_CLASS=SourcePageFactory, **defaults)
    for model, defaults in PAGE_DEFAULTS.items()
}
