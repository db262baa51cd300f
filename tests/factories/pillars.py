from pillars.models import InitiativePage, PillarPage
from tests.factories.pages import SourcePageFactory, numbered


class PillarPageFactory(SourcePageFactory):
    title = numbered("Ambito")
    summary = "Un ambito di lavoro del Cluster."
    aims = "<p>Gli obiettivi dell'ambito.</p>"

    class Meta:
        model = PillarPage


class InitiativePageFactory(SourcePageFactory):
    title = numbered("Iniziativa")
    summary = "Una scheda progetto."

    class Meta:
        model = InitiativePage
