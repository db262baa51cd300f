"""Model fields whose options the site always sets the same way, and their translation rules."""

from django.db import models
from wagtail_localize.fields import SynchronizedField, TranslatableField


def optional_link(to, verbose_name, **options):
    """An optional foreign key that survives its target's deletion and adds no reverse accessor.

    The rule for images, people and pages that a model may point at: nullable,
    SET_NULL, `related_name="+"` (CONVENTIONS.md), in one place.
    """
    options.setdefault("related_name", "+")
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=verbose_name, **options
    )


# What wagtail-localize does with each field, one of three decisions
# (tests/home/test_translation_rules.py holds them for every model).
def translated(*names):
    """Fields sent to translators, segment by segment."""
    return [TranslatableField(name) for name in names]


def synchronised(*names):
    """Fields copied from the source on every sync; a translation cannot change them."""
    return [SynchronizedField(name, overridable=False) for name in names]


def overridable(*names):
    """Fields copied from the source unless a translation sets its own."""
    return [SynchronizedField(name, overridable=True) for name in names]


def choice_field(choices, verbose_name, **options):
    """A field of one of the site's fixed vocabularies (a TextChoices class), stored as its code."""
    return models.CharField(max_length=20, choices=choices, verbose_name=verbose_name, **options)
