import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, StandardPage


def _italian():
    return Locale.objects.get_or_create(language_code="it")[0]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Cluster Lombardo Scienze della Vita"
    slug = factory.Sequence(lambda n: f"home-{n}")
    summary = "Il cluster lombardo delle scienze della vita."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    summary = "Una pagina di testo."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = StandardPage
