from .images import CustomImage, CustomRendition, with_renditions
from .pages import (
    BasePage,
    BodyPage,
    CardQuerySet,
    HomePage,
    PageLink,
    RelatedPagesMixin,
    StandardPage,
)
from .site_content import FooterLink, SiteContent, SocialLink
from .snippets import (
    ModeratedSnippet,
    NamedSnippet,
    Organisation,
    Person,
    SourceLanguageQuerySet,
)
from .tags import (
    PageTag,
    Tag,
    TaggedPageMixin,
    localized_tags,
    page_tags,
    translate_page_tags,
)

__all__ = [
    "BasePage",
    "BodyPage",
    "CardQuerySet",
    "CustomImage",
    "CustomRendition",
    "FooterLink",
    "HomePage",
    "ModeratedSnippet",
    "NamedSnippet",
    "Organisation",
    "PageLink",
    "PageTag",
    "Person",
    "RelatedPagesMixin",
    "SiteContent",
    "SocialLink",
    "SourceLanguageQuerySet",
    "StandardPage",
    "Tag",
    "TaggedPageMixin",
    "localized_tags",
    "page_tags",
    "translate_page_tags",
    "with_renditions",
]
