import factory
import wagtail_factories

from services.models import ServiceFormField, ServiceIndexPage, ServicePage
from tests.factories.pages import _italian


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Servizi per i soci"
    slug = "servizi"
    summary = "I servizi del Cluster."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Servizio {n}")
    slug = factory.Sequence(lambda n: f"servizio-{n}")
    summary = "Un servizio per i soci."
    to_address = "sportello@clls.example, redazione@clls.example"
    from_address = "sito@clls.example"
    subject = "Nuova richiesta"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = ServicePage


class ServiceFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Campo {n}")
    field_type = "singleline"
    required = True
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = ServiceFormField
