import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage, StandardPage


def _italian():
    return Locale.objects.get_or_create(language_code="it")[0]


def numbered(text):
    """'Notizia 0', 'Notizia 1', …: a distinct value per object made."""
    return factory.Sequence(f"{text} {{}}".format)


class SourcePageFactory(wagtail_factories.PageFactory):
    """An Italian source page; its slug, unless a test gives one, is its title's, numbered."""

    locale = factory.LazyFunction(_italian)
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)}-{n}")

    class Meta:
        abstract = True


class HomePageFactory(SourcePageFactory):
    title = "Cluster Lombardo Scienze della Vita"
    summary = "Il cluster lombardo delle scienze della vita."

    class Meta:
        model = HomePage


class StandardPageFactory(SourcePageFactory):
    title = numbered("Pagina")
    summary = "Una pagina di testo."

    class Meta:
        model = StandardPage
