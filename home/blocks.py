"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


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


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()

    class Meta:
        label = _("Body")
