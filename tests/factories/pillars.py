import factory
import wagtail_factories

from pillars.models import InitiativePage, PillarPage
from tests.factories.pages import _italian


class PillarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ambito {n}")
    slug = factory.Sequence(lambda n: f"ambito-{n}")
    summary = "Un ambito di lavoro del Cluster."
    aims = "<p>Gli obiettivi dell'ambito.</p>"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = PillarPage


class InitiativePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Iniziativa {n}")
    slug = factory.Sequence(lambda n: f"iniziativa-{n}")
    summary = "Una scheda progetto."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = InitiativePage
