from .images import ImageFactory
from .pages import PAGE_FACTORIES
from .snippets import (
    GoverningBodyFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationQuestionFactory,
    ServiceFormFieldFactory,
    SiteContentFactory,
    SocialLinkFactory,
    TagFactory,
)

__all__ = [
    "PAGE_FACTORIES",
    "GoverningBodyFactory",
    "ImageFactory",
    "OrganisationFactory",
    "PersonFactory",
    "RegistrationQuestionFactory",
    "ServiceFormFieldFactory",
    "SiteContentFactory",
    "SocialLinkFactory",
    "TagFactory",
]
