"""Model fields whose options the site always sets the same way."""

from django.db import models


def optional_link(to, verbose_name, **options):
    """An optional foreign key that survives its target's deletion and adds no reverse accessor.

    The rule for images, people and pages that a model may point at: nullable,
    SET_NULL, `related_name="+"` (CONVENTIONS.md), in one place.
    """
    options.setdefault("related_name", "+")
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=verbose_name, **options
    )
