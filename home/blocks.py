"""StreamField blocks shared by every page type."""

import re
from urllib.parse import parse_qs, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Locale

from home.choices import OrganisationKind

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def context_locale(parent_context):
    """The language a block renders in: its page's, or the active one in the admin's preview."""
    page = (parent_context or {}).get("page")
    return page.locale if page is not None else Locale.get_active()


def newest(model):
    """The newest item of a library (images, documents), for previews that need one."""
    return model.objects.order_by("-created_at").first()


class PreviewedStreamBlock(blocks.StreamBlock):
    """A stream previewed as a few of its children, each with its own preview value.

    Subclasses name those children in `Meta.preview_children`.
    """

    class Meta:
        preview_children = []

    def get_preview_value(self):
        return self.normalize(
            [
                (name, self.child_blocks[name].get_preview_value())
                for name in self.meta.preview_children
            ]
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Ricerca e open innovation", "level": "h2"}
        description = _("A heading that starts a section of the page.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "home/blocks/paragraph_block.html"
        preview_value = (
            "<p>Il Cluster riunisce imprese, università, centri di ricerca e ospedali "
            "della Lombardia attivi nelle scienze della vita.</p>"
        )
        description = _("Text with bold, italics, lists and links.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure_block.html"
        description = _("An image with alt text and an optional caption.")

    def get_preview_value(self):
        """The newest image of the library, so that the preview needs no chosen image."""
        image = newest(get_image_model())
        return self.normalize(
            {
                "image": {
                    "image": image,
                    "alt_text": image.default_alt_text if image else "",
                    "decorative": False,
                },
                "caption": "Didascalia dell'immagine",
            }
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "quote": "Una comunità che mette in rete ricerca e impresa.",
            "attribution": "Cluster Lombardo Scienze della Vita",
        }
        description = _("A quotation, with who said it.")


def video_embed(url):
    """(provider name, privacy-friendly embed URL) for a YouTube or Vimeo address, or None."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif match := re.match(r"^/(?:embed|shorts|live)/([\w-]+)", parts.path):
            video_id = match.group(1)
    elif host == "youtu.be":
        video_id = parts.path.strip("/") or None
    if video_id and re.fullmatch(r"[\w-]{6,20}", video_id):
        return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    if host == "vimeo.com" and (match := re.fullmatch(r"/(\d+)/?", parts.path)):
        return "Vimeo", f"https://player.vimeo.com/video/{match.group(1)}?autoplay=1&dnt=1"
    return None


class VideoValue(blocks.StructValue):
    @property
    def provider(self):
        embed = video_embed(self.get("url"))
        return embed[0] if embed else ""

    @property
    def embed_url(self):
        embed = video_embed(self.get("url"))
        return embed[1] if embed else ""


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only when the visitor asks for it."""

    url = blocks.URLBlock(
        label=_("video address"), help_text=_("The address of a YouTube or Vimeo video.")
    )
    title = blocks.CharBlock(
        label=_("title"), help_text=_("What the video is about; read out by screen readers.")
    )
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video_block.html"
        value_class = VideoValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
            "title": "Un video da YouTube",
            "caption": "Didascalia del video",
        }
        description = _("A video from YouTube or Vimeo, loaded only when the visitor clicks play.")

    def clean(self, value):
        value = super().clean(value)
        if not video_embed(value.get("url")):
            error = ValidationError(_("Use the address of a YouTube or Vimeo video."))
            raise StructBlockValidationError(block_errors={"url": error})
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"), help_text=_("What visitors read, e.g. “The 2018 operating plan”.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "home/blocks/document_block.html"
        description = _("A downloadable document, with its type and size.")

    def get_preview_value(self):
        """The newest document of the library, so that the preview needs no chosen document."""
        return self.normalize(
            {"document": newest(get_document_model()), "label": "Scarica il documento"}
        )


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or external address"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        preview_value = {"text": "Scopri i servizi per i soci", "url": "https://example.org/"}
        description = _("A prominent button to a page of the site or another site.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose a page or give an address, not both."))]
            )
        return value


class OrganisationListBlock(blocks.StructBlock):
    """Every organisation of one kind (members, partners, networks), in the page's language."""

    heading = blocks.CharBlock(required=False, label=_("heading"))
    kind = blocks.ChoiceBlock(
        choices=OrganisationKind.choices, default=OrganisationKind.NETWORK, label=_("kind")
    )

    class Meta:
        icon = "group"
        label = _("List of organisations")
        template = "home/blocks/organisation_list_block.html"
        preview_value = {"heading": "Le reti", "kind": "network"}
        description = _("Lists the organisations of one kind, kept up to date from the snippets.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        organisation_model = apps.get_model("home", "Organisation")
        context["organisations"] = organisation_model.objects.filter(
            kind=value["kind"], locale=context_locale(parent_context), live=True
        ).order_by("name")
        return context


class SiteContactsBlock(blocks.StaticBlock):
    """The cluster's name and contacts, read from the site content of the page's language."""

    class Meta:
        icon = "mail"
        label = _("Site contacts")
        template = "home/blocks/site_contacts_block.html"
        admin_text = _(
            "Shows the cluster's address, e-mail and telephone as set in "
            "Settings → Footer and contacts."
        )
        description = _("The cluster's contacts, kept up to date from the footer settings.")
        # Nothing to fill in: the preview shows the contacts as they are.
        preview_value = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site_content = apps.get_model("home", "SiteContent")
        context["content"] = site_content.for_language(context_locale(parent_context).language_code)
        return context


class RetentionPeriodBlock(blocks.StaticBlock):
    """How long personal data are kept: PERSONAL_DATA_RETENTION_MONTHS, the period the
    site's scheduled clean-up applies."""

    class Meta:
        icon = "time"
        label = _("Retention period")
        template = "home/blocks/retention_period_block.html"
        admin_text = _(
            "Says how many months the site keeps requests and the e-mails about them, "
            "from the site's settings."
        )
        description = _("How long personal data are kept, from the site's settings.")
        preview_value = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["months"] = settings.PERSONAL_DATA_RETENTION_MONTHS
        return context


class BodyBlock(PreviewedStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    organisations = OrganisationListBlock()

    class Meta:
        icon = "doc-full-inverse"
        label = _("Body")
        template = "home/blocks/body_block.html"
        preview_children = ["heading", "paragraph", "quote"]


class StandardBodyBlock(BodyBlock):
    """The body of standard pages: the shared blocks and those the legal pages need."""

    site_contacts = SiteContactsBlock()
    retention_period = RetentionPeriodBlock()

    class Meta:
        preview_children = ["heading", "paragraph", "site_contacts"]
