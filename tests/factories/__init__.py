from .images import ImageFactory
from .news import NewsIndexPageFactory, NewsPageFactory
from .pages import HomePageFactory, StandardPageFactory
from .snippets import SiteContentFactory, SocialLinkFactory, TagFactory

# Every page model the site defines, mapped to its factory (checked by a meta-test).
PAGE_FACTORIES = {
    factory._meta.model: factory
    for factory in (HomePageFactory, StandardPageFactory, NewsIndexPageFactory, NewsPageFactory)
}

__all__ = [
    "PAGE_FACTORIES",
    "HomePageFactory",
    "ImageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "SiteContentFactory",
    "SocialLinkFactory",
    "StandardPageFactory",
    "TagFactory",
]
