from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """The site's image: alt text required at upload, plus a credit line.

    `description` holds the alt text in the source language (Italian). Each use
    of an image on a page carries its own alt text, translated with that page,
    so an English page never falls back to this Italian description.
    """

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text (Italian)"),
        help_text=_(
            "What the image shows, for people who cannot see it. Pages copy it as "
            "the default alt text; translators translate it with each page."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("credit"),
        help_text=_("Photographer or copyright holder, shown under the image."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def with_renditions(lookup):
    """Prefetch the images at `lookup` with all their renditions, for listings."""
    return Prefetch(lookup, queryset=CustomImage.objects.prefetch_renditions())
