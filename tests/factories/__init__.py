from .events import EventIndexPageFactory, EventPageFactory
from .images import ImageFactory
from .news import NewsIndexPageFactory, NewsPageFactory
from .pages import HomePageFactory, StandardPageFactory
from .pillars import InitiativePageFactory, PillarPageFactory
from .services import ServiceFormFieldFactory, ServiceIndexPageFactory, ServicePageFactory
from .snippets import (
    OrganisationFactory,
    PersonFactory,
    SiteContentFactory,
    SocialLinkFactory,
    TagFactory,
)

# Every page model the site defines, mapped to its factory (checked by a meta-test).
PAGE_FACTORIES = {
    factory._meta.model: factory
    for factory in (
        HomePageFactory,
        StandardPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        EventIndexPageFactory,
        EventPageFactory,
        PillarPageFactory,
        InitiativePageFactory,
        ServiceIndexPageFactory,
        ServicePageFactory,
    )
}

__all__ = [
    "PAGE_FACTORIES",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "InitiativePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "OrganisationFactory",
    "PersonFactory",
    "PillarPageFactory",
    "ServiceFormFieldFactory",
    "ServiceIndexPageFactory",
    "ServicePageFactory",
    "SiteContentFactory",
    "SocialLinkFactory",
    "StandardPageFactory",
    "TagFactory",
]
