import re

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import TagBase, TaggedItemBase
from wagtail.models import Locale, TranslatableMixin

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
        return localized_tags([tagged.tag for tagged in self.tagged_items.all()], self.locale)


def page_tags(through):
    """A page type's tags field: typed in Italian, translated as snippets, shown per language."""
    return ClusterTaggableManager(
        through=through,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Topics in Italian; translate them under Snippets → Tags."),
    )
