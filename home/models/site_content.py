from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from home.fields import overridable, synchronised, translated
from home.localization import localized_pages, validate_one_per_locale
from home.models.pages import PageLink
from home.models.snippets import ModeratedSnippet


class SiteContent(ModeratedSnippet, ClusterableModel):
    """Footer, contacts and social links: one record per language.

    Wagtail's site settings cannot be translated, so this is a translatable
    snippet instead: managers edit the Italian record and translators produce
    the English one with wagtail-localize.
    """

    footer_text = models.TextField(
        blank=True,
        verbose_name=_("footer text"),
        help_text=_("A sentence or two about the cluster, shown at the foot of every page."),
    )
    address = models.TextField(
        blank=True,
        verbose_name=_("address"),
        help_text=_("Postal address, one line per row."),
    )
    email = models.EmailField(
        blank=True,
        verbose_name=_("e-mail"),
        help_text=_("The public contact address."),
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        verbose_name=_("telephone"),
        help_text=_("In international format, for example +39 02 1234567."),
    )

    panels = [
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contacts"),
        ),
        InlinePanel("social_links", heading=_("Social links"), label=_("social link")),
        InlinePanel(
            "footer_links",
            heading=_("Footer links"),
            label=_("footer link"),
            help_text=_("Pages such as the privacy notice and the accessibility statement."),
        ),
    ]

    # Contacts are the same in every language: synchronised so that addresses
    # are not sent to translators as text, yet a translation may override them.
    translatable_fields = [
        *translated("footer_text", "address"),
        *overridable("email", "phone", "social_links"),
        *synchronised("footer_links"),
    ]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("site content")
        verbose_name_plural = _("site content")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_site_content_per_locale"),
        ]

    def clean(self):
        super().clean()
        validate_one_per_locale(
            self, _("This language already has its site content: edit that one.")
        )

    def __str__(self):
        return str(_("Site content (%(language)s)") % {"language": self.locale.get_display_name()})

    @classmethod
    def for_language(cls, language_code):
        """This language's live record, or None: never another language's text."""
        records = cls.objects.filter(locale__language_code=language_code, live=True)
        records = records.select_related("locale")
        return records.prefetch_related("social_links", "footer_links__page").first()

    def display_footer_links(self):
        """The footer's pages in this record's language, untranslated ones left out.

        Kept on the record, so that a record cached across requests carries them.
        """
        if "_display_footer_links" not in self.__dict__:
            pages = [link.page for link in self.footer_links.all()]
            self._display_footer_links = localized_pages(pages, self.locale)
        return self._display_footer_links


class SocialLink(Orderable):
    NETWORKS = [
        ("linkedin", "LinkedIn"),
        ("x", "X"),
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("youtube", "YouTube"),
        ("bluesky", "Bluesky"),
        ("mastodon", "Mastodon"),
    ]

    site_content = ParentalKey(SiteContent, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(max_length=20, choices=NETWORKS, verbose_name=_("network"))
    url = models.URLField(
        verbose_name=_("address"), help_text=_("The full address of the profile.")
    )

    panels = [FieldPanel("network"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")


class FooterLink(PageLink):
    site_content = ParentalKey(SiteContent, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(PageLink.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
