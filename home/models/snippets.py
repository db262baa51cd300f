from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import classproperty
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from home.choices import MemberType, OrganisationKind, Province, Sector
from home.fields import choice_field, optional_link, overridable, synchronised, translated
from home.registry import organisation_relations


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
):
    """A translatable snippet that visitors see: drafts, revisions, locking and approval.

    The front end shows only live versions; a model of this kind is put under
    the approval workflow by registering it in `home.registry.moderated_models`.
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True


class NamedSnippet(ModeratedSnippet, index.Indexed):
    """A moderated snippet known by its name: listed, searched and shown by it.

    Its edit form shows its fields in the order they are declared.
    """

    # Wagtail's snippet choosers search within one language, which the search backend
    # can only do on a filter field.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(ModeratedSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class SourceLanguageQuerySet(models.QuerySet):
    """Translatable records whose facts live on the source-language (Italian) record."""

    def sources(self):
        """The records in the source language, which hold the facts."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)

    def shown_in(self, locale, sources=None):
        """The live records in `locale` whose source record is live (or among `sources`).

        Whether a record is shown is a fact of its source record, never of the
        translation: a record unpublished in Italian leaves every language at once.
        """
        if sources is None:
            sources = type(self)(self.model, using=self._db).sources().filter(live=True)
        return self.filter(
            locale=locale, live=True, translation_key__in=sources.values("translation_key")
        )


class OrganisationQuerySet(SourceLanguageQuerySet):
    def public_members(self):
        """Source records of members shown in the directory: live, listed, of kind member."""
        return self.sources().filter(live=True, listed=True, kind=OrganisationKind.MEMBER)

    def members_in(self, locale):
        """The live records in `locale` of public members (hidden in Italian: hidden everywhere)."""
        return self.shown_in(locale, type(self)(self.model, using=self._db).public_members())


class Organisation(NamedSnippet, ClusterableModel):
    """A member, partner, network or institution, shared by events, initiatives and pages.

    One organisation is one record (and its translations) whatever its roles:
    the membership facts below matter only for organisations of kind *member*.
    Only the description and the logo's alt text are words to translate; the
    other facts are the source record's, and the members directory reads them
    there (`OrganisationQuerySet.members_in`).
    """

    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_("The organisation's name; translate it only if it has an official one."),
    )
    slug = models.SlugField(
        max_length=80,
        blank=True,
        allow_unicode=False,
        verbose_name=_("slug"),
        help_text=_(
            "The end of the member's address in the directory; made from the name when empty."
        ),
    )
    kind = choice_field(OrganisationKind, _("kind"), default=OrganisationKind.PARTNER)
    website = models.URLField(blank=True, verbose_name=_("website"))
    logo = optional_link("home.CustomImage", _("logo"))
    logo_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("logo alt text"),
        help_text=_("What the logo shows, for people who cannot see it; the name is enough."),
    )
    description = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("description"),
        help_text=_("One or two sentences about what the organisation does."),
    )
    member_type = choice_field(MemberType, _("type of member"), blank=True)
    sector = choice_field(Sector, _("sub-sector"), blank=True)
    province = choice_field(Province, _("province"), blank=True)
    city = models.CharField(max_length=100, blank=True, verbose_name=_("city"))
    joined_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        verbose_name=_("year of joining"),
    )
    public_email = models.EmailField(
        blank=True,
        verbose_name=_("public contact e-mail"),
        help_text=_("Shown in the directory: fill it in only if the member has agreed."),
    )
    listed = models.BooleanField(
        default=True,
        verbose_name=_("shown in the members directory"),
        help_text=_("Untick it for a member that asked not to be listed publicly."),
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("member_type"), FieldPanel("sector")]),
                FieldRowPanel([FieldPanel("province"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("joined_year"), FieldPanel("listed")]),
                FieldPanel("public_email"),
                FieldPanel("slug"),
            ],
            heading=_("Membership"),
        ),
    ]

    # Facts follow the Italian record (the directory reads them there anyway);
    # relations that higher apps add (home.registry.organisation_relations) too.
    # The name is a proper name: copied, unless the organisation has an official
    # name in the other language that a translator sets.
    @classproperty
    def translatable_fields(cls):  # noqa: N805
        relations = [relation.name for relation in organisation_relations]
        return [
            *translated("description", "logo_alt"),
            *synchronised(
                "slug",
                "kind",
                "member_type",
                "sector",
                "province",
                "city",
                "joined_year",
                "public_email",
                "listed",
                *relations,
            ),
            *overridable("name", "website", "logo"),
        ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                condition=~Q(slug=""),
                name="unique_organisation_slug_per_locale",
            )
        ]

    def save(self, *args, **kwargs):
        if not self.slug and self.name:
            self.slug = self.unique_slug()
        if self.logo_id and not self.logo_alt and self.is_source_record():
            # The Italian alt text becomes a string for translators (as image_alt on pages).
            self.logo_alt = self.logo.description
        super().save(*args, **kwargs)

    def is_source_record(self):
        return self.locale_id is None or self.locale_id == Locale.get_default().pk

    def unique_slug(self):
        base = slugify(self.name)[:70] or "organisation"
        others = Organisation.objects.exclude(pk=self.pk).exclude(
            translation_key=self.translation_key
        )
        slug, number = base, 1
        while others.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug


class Person(NamedSnippet):
    """A speaker or contact person."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    role = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("role"),
        help_text=_("For example “Research director”."),
    )
    affiliation = optional_link(Organisation, _("affiliation"), related_name="people")
    photo = optional_link("home.CustomImage", _("photo"))

    # Names are proper names: they follow the source. The role is translated and
    # the affiliation points at the organisation of the same language.
    translatable_fields = [
        *translated("role", "affiliation"),
        *overridable("name", "photo"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
