from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from home import lookups
from home.blocks import BodyBlock, StandardBodyBlock
from home.fields import optional_link, overridable, translated
from home.localization import localized_pages, slug_is_untranslated, validate_one_per_locale
from home.permissions import SitePagePermissionTester


class CardQuerySet(PageQuerySet):
    """Queries of pages that are listed as cards."""

    def private_q(self):
        # Wagtail's version queries the restrictions each time `public()` is called.
        return lookups.private_q()

    def for_cards(self):
        """Live, public pages with their card images, bodies left out.

        The image is joined in; its renditions come from Wagtail's rendition cache,
        filled when they are made on publish (home.renditions), so a listing makes no
        query per image, and no query at all for them once the cache is warm.
        """
        return self.live().public().select_related("image").defer_streamfields()

    def in_language_of(self, page):
        return self.filter(locale_id=page.locale_id)


class BasePage(Page):
    """Fields and behaviour every public page shares: summary and card image.

    The image's alt text is stored on the page, not read from the image, so that
    wagtail-localize sends it to translators with the rest of the page.
    """

    summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name=_("summary"),
        help_text=_(
            "One or two sentences shown on cards and in search engines "
            "when the page has no search description."
        ),
    )
    image = optional_link(
        "home.CustomImage", _("image"), help_text=_("Shown at the top of the page and on its card.")
    )
    image_alt = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("image alt text"),
        help_text=_(
            "Leave empty to use the image's own description. Translators "
            "translate it with the page."
        ),
    )

    objects = PageManager.from_queryset(CardQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    # What wagtail-localize does with each field (tests/home/test_translation_rules.py
    # holds the decisions). Text goes to translators; the image follows the source
    # unless a translation picks its own; "show in menus" is left out so that
    # each language keeps its own menu.
    translatable_fields = [
        *translated("title", "slug", "seo_title", "search_description", "summary", "image_alt"),
        *overridable("image"),
    ]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        self._slug_from_translated_title()
        return super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._slug_from_translated_title()
        return super().minimal_clean()

    def _slug_from_translated_title(self):
        # A translation whose slug nobody translated would keep the Italian
        # address: emptied, Wagtail makes it from the translated title.
        if not self._is_source_locale() and slug_is_untranslated(self):
            self.slug = ""

    def save(self, *args, **kwargs):
        if self.image_id and not self.image_alt and self._is_source_locale():
            # Copied now so that it becomes a segment translators see.
            self.image_alt = self.image.description
        return super().save(*args, **kwargs)

    def _is_source_locale(self):
        return self.locale_id is None or self.locale_id == Locale.get_default().pk

    @classmethod
    def live_under(cls, parent):
        """Live, public pages of this type under `parent`, in the editors' order."""
        return cls.objects.live().public().child_of(parent).order_by("path")

    @classmethod
    def cards_under(cls, parent):
        """Live, public pages of this type under `parent`, in the editors' order, for cards."""
        return cls.objects.for_cards().child_of(parent).order_by("path")

    def child_cards(self):
        """This page's live, public children, for cards: pages of the one type it may hold."""
        (model,) = self.allowed_subpage_models()
        return model.cards_under(self)

    @classmethod
    def section_under(cls, home, items, request=None, timely=False):
        """A home page's section: the page of this type under `home` and `items(page)` of it.

        Gives `{"index": page, "items": [...]}`, empty where the home has no such page.
        Kept across requests (`home.lookups`), so `items` must depend on nothing
        but the content (and on time, if `timely`) — and each caller of a given
        page type must ask for the same items.
        """

        def build():
            index = cls.live_under(home).first()
            return {"index": index, "items": list(items(index)) if index else []}

        name = f"section:{cls._meta.label_lower}:{home.pk}"
        return lookups.cached(request, name, build, timely=timely)

    def source_page(self):
        """The page in the source language (Italian), or itself when it has none.

        What visitors send through a page of any language (service requests,
        event registrations) is kept, counted and exported against this one.
        """
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def get_url_parts(self, request=None):
        # A listing links to its index once per card and tag: work the URL out
        # once per page object, request and path (a moved page gets a new one).
        memo = self.__dict__.setdefault("_url_parts_memo", {})
        key = (id(request), self.url_path, self.locale_id)
        if key not in memo:
            memo[key] = super().get_url_parts(request)
        return memo[key]

    def parent_for_display(self, request):
        """The parent page, specific, bodies left out, kept across requests."""
        return lookups.cached(
            request,
            f"parent:{self.pk}",
            lambda: Page.objects.parent_of(self).defer_streamfields().specific().first(),
        )

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)

    def get_view_restrictions(self):
        # Checked on every page served: skip the two queries where no section is private.
        if not any(self.path.startswith(path) for path, _depth in lookups.restricted_sections()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def meta_description(self):
        return self.search_description or self.summary


class BodyPage(BasePage):
    """A page whose content is one body of blocks after the summary and image."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, *translated("body")]

    class Meta:
        abstract = True


class HomePage(BodyPage):
    """The home of one language: who the cluster is, and the way into every section."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "pillars.PillarPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "services.ServiceIndexPage",
        "members.MemberDirectoryPage",
        "members.GovernancePage",
    ]

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("about the cluster"),
        help_text=_("Who the cluster is, shown under the introduction."),
    )

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
        # Checked with has_perm wherever the Italian source is protected
        # (home.permissions): editors and managers hold it, translators do not.
        permissions = [("edit_source_language", _("Can edit the Italian source of content"))]

    def clean(self):
        super().clean()
        validate_one_per_locale(self, _("This language already has a home page."))


class StandardPage(BodyPage):
    """A page of text: about the cluster, contacts, privacy, accessibility.

    Its children are listed as cards under the text: other standard pages, or
    the initiatives of the operating plan that no pillar holds.
    """

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "pillars.InitiativePage"]

    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("body"))

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def child_cards(self):
        """The live, public children of any type, in the editors' order, for cards."""
        return self.get_children().live().public().defer_streamfields().specific().order_by("path")


class RelatedPagesMixin:
    """For pages with a `related_pages` orderable of PageLink."""

    def display_related_pages(self):
        """The related pages in this page's language, untranslated ones left out."""
        links = self.related_pages.select_related("page")
        return localized_pages([link.page for link in links], self.locale)


class PageLink(Orderable):
    """One page in an ordered list of links; subclasses add the ParentalKey to their owner.

    Links are synchronised from the Italian source, so they may point at the
    Italian page: show them with `home.localization.localized_pages`.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True
