import factory
from wagtail.models import Locale

from home.models import Organisation, Person, SiteContent, SocialLink, Tag


def _italian():
    return Locale.objects.get_or_create(language_code="it")[0]


class SiteContentFactory(factory.django.DjangoModelFactory):
    footer_text = "Associazione delle scienze della vita in Lombardia."
    address = "Via Esempio 1\n20100 Milano"
    email = "info@clls.example"
    phone = "+39 02 0000000"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = SiteContent


class SocialLinkFactory(factory.django.DjangoModelFactory):
    site_content = factory.SubFactory(SiteContentFactory)
    network = "linkedin"
    url = "https://social.example/clls"

    class Meta:
        model = SocialLink


class TagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"ricerca {n}")
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = Tag


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organizzazione {n}")
    kind = "partner"
    website = "https://organisation.example/"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = Organisation


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Persona {n}")
    role = "Ricercatrice"
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = Person
