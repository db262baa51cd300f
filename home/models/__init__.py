from .images import CustomImage, CustomRendition, with_renditions
from .pages import BasePage, HomePage, StandardPage
from .site_content import FooterLink, SiteContent, SocialLink
from .snippets import Organisation, Person
from .tags import Tag, localized_tags

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FooterLink",
    "HomePage",
    "Organisation",
    "Person",
    "SiteContent",
    "SocialLink",
    "StandardPage",
    "Tag",
    "localized_tags",
    "with_renditions",
]
