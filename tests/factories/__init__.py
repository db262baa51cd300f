from .events import EventIndexPageFactory, EventPageFactory
from .images import ImageFactory
from .news import NewsIndexPageFactory, NewsPageFactory
from .pages import HomePageFactory, StandardPageFactory
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
    )
}

__all__ = [
    "PAGE_FACTORIES",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "OrganisationFactory",
    "PersonFactory",
    "SiteContentFactory",
    "SocialLinkFactory",
    "StandardPageFactory",
    "TagFactory",
]
