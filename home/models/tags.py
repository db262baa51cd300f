import re

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.widgets import AdminTagWidget
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.strings import StringValue

from home.fields import translated
from home.localization import localized_objects


class Tag(TranslatableMixin, TagBase):
    """A taggit tag that exists once per language.

    Pages keep their tag relations synchronised with the Italian source (that is
    what wagtail-localize does with taggit), so a page may point at the Italian
    tag; `localized_tags` shows the tag of the page's own language instead, and
    hides tags nobody has translated yet. Names and slugs are unique per language.
    """

    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        verbose_name=_("slug"),
        editable=False,
        help_text=_("Used in the tag's address; made from the name."),
    )

    # The slug is rebuilt from the translated name, never sent to translators.
    translatable_fields = translated("name")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_tag_slug_per_locale"),
            models.UniqueConstraint(fields=["locale", "name"], name="unique_tag_name_per_locale"),
        ]

    def save(self, *args, **kwargs):
        if not self.locale_id:
            # Tags typed into the page editor are created without a locale.
            self.locale = Locale.get_default()
        # Always derived from the name, so a translated name gets a slug of its own.
        base = self._slug_base()
        if not re.fullmatch(rf"{re.escape(base)}(-\d+)?", self.slug or ""):
            self.slug = self._unique_slug(base)
        return super(TagBase, self).save(*args, **kwargs)

    def _slug_base(self):
        return slugify(self.name, allow_unicode=True)[:90] or "tag"

    def _unique_slug(self, base):
        taken = set(
            type(self)
            .objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, counter = base, 1
        while slug in taken:
            counter += 1
            slug = f"{base}-{counter}"
        return slug


def localized_tags(tags, locale):
    """Map tags of any language to their versions in `locale`, in one query.

    Tags without a translation in `locale` are left out, so an English page
    never shows an Italian tag.
    """
    return localized_objects(tags, locale)


class PageTag(TaggedItemBase):
    """A page's tag; subclasses add the ParentalKey `content_object` to their page type."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="%(app_label)s_items")

    class Meta:
        abstract = True


class TaggedPageMixin:
    """For pages with a `tags` field made by `page_tags`."""

    def display_tags(self):
        """The page's tags in its own language, untranslated ones left out."""
        links = self.tagged_items.all()
        if "tagged_items" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("tag")
        return localized_tags([tagged.tag for tagged in links], self.locale)


class SourceTagWidget(AdminTagWidget):
    """The tag input of the page editor: it suggests only tags of the source language.

    Tags are typed on the Italian page; their translations come from the
    page's translation (`TranslatableTags`).
    """

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("home_tag_autocomplete")
        return context


class TranslatableTags(ClusterTaggableManager):
    """A page's tags whose names are translated in the page's own translation editor.

    The relation itself follows the Italian source (`tagged_items` is
    synchronised); each tag's name is a segment of the page, keyed by the tag's
    translation key, and `translate_page_tags` turns the translated names into
    the tags of the page's language.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "widget": SourceTagWidget})

    def get_translatable_segments(self, value):
        return [StringSegmentValue(str(tag.translation_key), tag.name) for tag in value]

    def restore_translated_segments(self, value, segments):
        return KEEP_SOURCE_TAGS

    def __set__(self, instance, value):
        # wagtail-localize assigns the restored value back to the field.
        if value is not KEEP_SOURCE_TAGS:
            self.__get__(instance, type(instance)).set(value)


# What a translation's tag field is restored to: the source's relation, unchanged.
KEEP_SOURCE_TAGS = object()


def page_tags(through):
    """A page type's tags field: typed in Italian, translated with the page, shown per language."""
    return TranslatableTags(
        through=through,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Topics, in Italian; translators translate them with the page."),
    )


def translate_page_tags(page):
    """Make the tags of `page`'s language from the names its translation gives them.

    Returns the names that could not be used because another tag of that
    language already has them.
    """
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale=Locale.get_default()
    ).first()
    if source is None or page.locale_id == source.locale_id:
        return []
    segments = StringSegment.objects.filter(source=source, context__path__startswith="tags.")
    translations = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        translation_of__in=segments.values("string"),
        context__in=segments.values("context"),
        has_error=False,
    ).select_related("context")
    refused = []
    for translation in translations:
        key = translation.context.path.removeprefix("tags.")
        name = StringValue(translation.data).render_text()
        tag = Tag.objects.filter(translation_key=key, locale_id=page.locale_id).first() or Tag(
            translation_key=key, locale_id=page.locale_id
        )
        taken = Tag.objects.filter(locale_id=page.locale_id, name=name).exclude(pk=tag.pk)
        if taken.exists():
            refused.append(name)
            continue
        if tag.name != name:
            tag.name = name
            tag.save()
    return refused
