from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from home.choices import OrganisationKind
from home.fields import choice_field, optional_link, overridable, synchronised, translated


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

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(ModeratedSnippet.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(NamedSnippet):
    """A member, partner, network or institution, shared by events, initiatives and pages."""

    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_("The organisation's name; translate it only if it has an official one."),
    )
    kind = choice_field(OrganisationKind, _("kind"), default=OrganisationKind.PARTNER)
    website = models.URLField(blank=True, verbose_name=_("website"))
    logo = optional_link("home.CustomImage", _("logo"))
    description = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("description"),
        help_text=_("One or two sentences about what the organisation does."),
    )

    translatable_fields = [
        *translated("name", "description"),
        *synchronised("kind"),
        *overridable("website", "logo"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


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
