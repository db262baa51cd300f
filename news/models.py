from django.db import models
from django.db.models import Exists
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from home import lookups
from home.blocks import BodyBlock
from home.fields import overridable, synchronised, translated
from home.listings import ListingPageMixin, year_rule
from home.models import (
    BasePage,
    PageLink,
    PageTag,
    RelatedPagesMixin,
    Tag,
    TaggedPageMixin,
    localized_tags,
    page_tags,
)
from home.registry import FeedLink, RouteRule
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.structured_data import news_article
from pillars.forms import PillarChoiceForm
from pillars.models import PillarItemQuerySet, PillarLink, PillarsMixin

# The feeds every index offers: route, name in the link's title, media type.
FEEDS = [("rss", "RSS", "application/rss+xml"), ("atom", "Atom", "application/atom+xml")]


class NewsIndexPage(ListingPageMixin, BasePage):
    """The news of one language: newest first, by page, by tag, by year, and as feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    list_name = "news_list"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news_items(self):
        """Live, public news of this index's language, newest first, ready for cards."""
        return NewsPage.objects.for_cards().child_of(self).in_language_of(self).newest_first()

    def listed_items(self):
        return self.news_items()

    def archived_items(self):
        return self.news_items()

    def cards(self, items):
        return attach_display_tags(items, self.locale)

    @classmethod
    def feed_links(cls, request, language_code):
        """The RSS and Atom feeds of a language's news, for every page's head (cached)."""

        def build():
            index = cls.objects.live().public().filter(locale__language_code=language_code).first()
            if index is None:
                return []
            base = index.get_full_url(request)
            return [
                FeedLink(f"{index.title} ({name})", mime_type, base + index.reverse_subpage(route))
                for route, name, mime_type in FEEDS
            ]

        host = request.get_host() if request is not None else ""
        return lookups.cached(request, f"news-feeds:{language_code}:{host}", build)

    @path("tag/<str:slug>/", name="tag")
    def tag_view(self, request, slug):
        # Only this language's tags: another language's slug is a 404.
        tag = get_object_or_404(Tag, locale_id=self.locale_id, slug=slug)
        items = self.news_items().filter(tagged_items__tag__translation_key=tag.translation_key)
        return self.render_listing(request, items.distinct(), "tag", slug, tag=tag)

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        return NewsAtomFeed(self)(request)


def year_title(index, year):
    return gettext("News from %(year)s") % {"year": year}


def year_description(index, year):
    return gettext("News of %(year)s from the Lombardy Life Sciences Cluster.") % {"year": year}


def tag_of(index, slug):
    """The tag of `index`'s language with `slug`, or None (kept across requests)."""
    return lookups.cached(
        None,
        f"tag:{index.locale_id}:{slug}",
        lambda: Tag.objects.filter(locale_id=index.locale_id, slug=slug).first(),
    )


def tag_title(index, slug):
    tag = tag_of(index, slug)
    return gettext("News tagged “%(name)s”") % {"name": tag.name if tag else slug}


def tag_description(index, slug):
    tag = tag_of(index, slug)
    return gettext("News about “%(name)s” from the Lombardy Life Sciences Cluster.") % {
        "name": tag.name if tag else slug
    }


def tag_counterpart(index, version, slug):
    """The slug of the tag's translation, when `version` (the other language's index) lists it.

    Pages keep their Italian tags (home.models.tags), so items are matched by the
    tag's translation key, as the tag's own page does.
    """
    tag = tag_of(index, slug)
    if tag is None:
        return None
    used = version.news_items().filter(tagged_items__tag__translation_key=tag.translation_key)
    translated = (
        Tag.objects.filter(locale_id=version.locale_id, translation_key=tag.translation_key)
        .filter(Exists(used))
        .values_list("slug", flat=True)
        .first()
    )
    return (translated,) if translated else None


# Tag pages are lists that overlap each other and the index: followed, not indexed (docs/seo.md).
TAG_RULE = RouteRule(
    title=tag_title, description=tag_description, counterpart=tag_counterpart, indexable=False
)
YEAR_RULE = year_rule(title=year_title, description=year_description)


def attach_display_tags(news_items, locale):
    """Give each item `card_tags`, in `locale`, with one query for the whole list."""
    items = list(news_items)
    all_tags = [tagged.tag for item in items for tagged in item.tagged_items.all()]
    by_key = {tag.translation_key: tag for tag in localized_tags(all_tags, locale)}
    for item in items:
        keys = [tagged.tag.translation_key for tagged in item.tagged_items.all()]
        item.card_tags = [by_key[key] for key in dict.fromkeys(keys) if key in by_key]
    return items


class NewsPageQuerySet(PillarItemQuerySet):
    def for_cards(self):
        """Live, public news with what a card shows (image renditions, tags), bodies left out."""
        return super().for_cards().prefetch_related("tagged_items__tag")

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def mentioning(self, organisation):
        """News that name `organisation`, whichever language's record they point at."""
        return self.filter(
            mentioned_organisations__organisation__translation_key=organisation.translation_key
        ).distinct()


class NewsPageTag(PageTag):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(TaggedPageMixin, PillarsMixin, RelatedPagesMixin, BasePage):
    """A news item: date, summary, image, body, tags and related pages."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    base_form_class = PillarChoiceForm

    date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("date"),
        help_text=_("Leave empty to use the day the news is first published."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = page_tags(NewsPageTag)

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("pillars"),
        InlinePanel("related_pages", heading=_("Related pages"), label=_("related page")),
        InlinePanel(
            "mentioned_organisations",
            heading=_("Organisations mentioned"),
            label=_("organisation"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    # Tags and related pages follow the Italian source; templates show each in
    # the page's own language (localized_tags, localized_pages).
    translatable_fields = [
        *BasePage.translatable_fields,
        *translated("body", "tags"),
        *overridable("date"),
        *synchronised("tagged_items", "related_pages", "pillar_links", "mentioned_organisations"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def save(self, *args, **kwargs):
        if self.date is None and self.live:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.parent_for_display(request)
        context["structured_data"] = news_article(self, request)
        context["og_type"] = "article"
        return context


class NewsPagePillar(PillarLink):
    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="pillar_links")


class NewsPageRelatedPage(PageLink):
    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")

    class Meta(PageLink.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class NewsPageOrganisation(Orderable):
    """An organisation a news item names: its member page lists the item."""

    news_page = ParentalKey(
        NewsPage, on_delete=models.CASCADE, related_name="mentioned_organisations"
    )
    organisation = models.ForeignKey(
        "home.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation mentioned")
        verbose_name_plural = _("organisations mentioned")
