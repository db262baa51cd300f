from services.models import ServiceFormField, ServiceIndexPage, ServicePage
from tests.factories.pages import SourcePageFactory, numbered
from tests.factories.snippets import SourceSnippetFactory


class ServiceIndexPageFactory(SourcePageFactory):
    title = "Servizi per i soci"
    slug = "servizi"
    summary = "I servizi del Cluster."

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(SourcePageFactory):
    title = numbered("Servizio")
    summary = "Un servizio per i soci."
    to_address = "sportello@clls.example, redazione@clls.example"
    from_address = "sito@clls.example"
    subject = "Nuova richiesta"

    class Meta:
        model = ServicePage


class ServiceFormFieldFactory(SourceSnippetFactory):
    label = numbered("Campo")
    field_type = "singleline"
    required = True

    class Meta:
        model = ServiceFormField
