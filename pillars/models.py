"""The cluster's areas of work (pillars) and the initiatives under each."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.fields import choice_field, optional_link, synchronised, translated
from home.localization import localized_objects, localized_pages
from home.models import BasePage, CardQuerySet, PageLink, RelatedPagesMixin


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


AIMS_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PillarPage(BasePage):
    """One of the cluster's areas of work, with its initiatives.

    Its template shows the news and coming events that name it through the
    news and events template tags: pillars know nothing of either.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pillars.InitiativePage"]

    aims = RichTextField(
        features=AIMS_FEATURES,
        blank=True,
        verbose_name=_("aims"),
        help_text=_("What the cluster wants to achieve in this area."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("aims"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("aims"), index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, *translated("aims", "body")]

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")


class InitiativePage(RelatedPagesMixin, BasePage):
    """A project sheet of the operating plan: aims, period, status, partners, contact.

    It sits under its pillar, or under a standard page (such as the list of the
    plan's actions) while no pillar is known for it. Every fact but the title is
    optional: the page shows only those that are set.
    """

    parent_page_types = ["pillars.PillarPage", "home.StandardPage"]
    subpage_types = []

    aims = RichTextField(features=AIMS_FEATURES, blank=True, verbose_name=_("aims"))
    start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("from (year)"),
        help_text=_("Leave empty when not known."),
    )
    end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("to (year)"),
        help_text=_("Leave empty while the initiative is ongoing or the end is not known."),
    )
    status = choice_field(
        InitiativeStatus, _("status"), blank=True, help_text=_("Leave empty when not known.")
    )
    contact = optional_link("home.Person", _("contact person"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("aims"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("status"),
            ],
            heading=_("Period and status"),
        ),
        InlinePanel("partners", heading=_("Partners"), label=_("partner")),
        FieldPanel("contact"),
        FieldPanel("body"),
        InlinePanel("related_pages", heading=_("Related news and events"), label=_("related page")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("aims"), index.SearchField("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        *translated("aims", "body"),
        *synchronised("start_year", "end_year", "status", "contact", "partners", "related_pages"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The initiative cannot end before it starts.")})

    def display_partners(self):
        links = list(self.partners.select_related("organisation"))
        return localized_objects([link.organisation for link in links], self.locale, fallback=True)

    def display_contact(self):
        if not self.contact:
            return None
        return localized_objects([self.contact], self.locale, fallback=True)[0]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parent"] = self.parent_for_display(request)
        context["partners"] = self.display_partners()
        context["contact"] = self.display_contact()
        return context


class InitiativePartner(Orderable):
    initiative = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "home.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("organisation")]


class InitiativeRelatedPage(PageLink):
    initiative = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="related_pages")

    panels = [PageChooserPanel("page", page_type=["news.NewsPage", "events.EventPage"])]


class PillarItemQuerySet(CardQuerySet):
    """Queries of the pages that name pillars (news items, events)."""

    def in_pillar(self, pillar):
        """Pages that name `pillar`, whichever language's version of it they point at."""
        return self.filter(pillar_links__pillar__translation_key=pillar.translation_key).distinct()


class PillarsMixin:
    """For pages that name their pillars through a `pillar_links` orderable of PillarLink."""

    def display_pillars(self):
        """The page's pillars in its own language, untranslated ones left out."""
        links = self.pillar_links.all()
        if "pillar_links" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("pillar")
        return localized_pages([link.pillar for link in links], self.locale)


class PillarLink(Orderable):
    """A news item's or event's pillar; subclasses add the ParentalKey to their page.

    Synchronised from the Italian source: the link may point at the Italian
    pillar, so pages show it with localized_pages and pillars gather their
    news and events by the pillar's translation_key.
    """

    pillar = models.ForeignKey(
        "pillars.PillarPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("pillar")
    )

    panels = [FieldPanel("pillar")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
