import factory

from events.models import RegistrationQuestion
from home.models import Organisation, Person, SiteContent, SocialLink, Tag
from members.models import GoverningBody
from services.models import ServiceFormField
from tests.factories.pages import _italian, numbered


class SourceSnippetFactory(factory.django.DjangoModelFactory):
    """An Italian source record of a translatable model."""

    locale = factory.LazyFunction(_italian)

    class Meta:
        abstract = True


class SiteContentFactory(SourceSnippetFactory):
    footer_text = "Associazione delle scienze della vita in Lombardia."
    address = "Via Esempio 1\n20100 Milano"
    email = "info@clls.example"
    phone = "+39 02 0000000"

    class Meta:
        model = SiteContent


class SocialLinkFactory(factory.django.DjangoModelFactory):
    site_content = factory.SubFactory(SiteContentFactory)
    network = "linkedin"
    url = "https://social.example/clls"

    class Meta:
        model = SocialLink


class TagFactory(SourceSnippetFactory):
    name = factory.Sequence("ricerca {}".format)

    class Meta:
        model = Tag


class OrganisationFactory(SourceSnippetFactory):
    name = numbered("Organizzazione")
    kind = "partner"
    website = "https://organisation.example/"

    class Meta:
        model = Organisation


class PersonFactory(SourceSnippetFactory):
    name = numbered("Persona")
    role = "Ricercatrice"

    class Meta:
        model = Person


class ServiceFormFieldFactory(SourceSnippetFactory):
    label = numbered("Campo")
    field_type = "singleline"
    required = True

    class Meta:
        model = ServiceFormField


class RegistrationQuestionFactory(SourceSnippetFactory):
    label = numbered("Domanda")
    field_type = "singleline"
    required = False

    class Meta:
        model = RegistrationQuestion


class GoverningBodyFactory(SourceSnippetFactory):
    name = numbered("Organo")
    description = "Un organo dell'associazione."

    class Meta:
        model = GoverningBody
