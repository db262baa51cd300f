"""Which Italian pages have an English version that is missing, out of date or current."""

from dataclasses import dataclass

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

MISSING, DRAFT, OUT_OF_DATE, CURRENT = "missing", "draft", "out_of_date", "current"
LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft, not published"),
    OUT_OF_DATE: _("Out of date"),
    CURRENT: _("Current"),
}


@dataclass
class PageStatus:
    source: Page
    translation: Page | None
    status: str

    @property
    def label(self):
        return LABELS[self.status]


def translation_statuses(source_locale, target_locale):
    """Every source page (homes included) with the state of its translation, in three queries."""
    sources = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path"))
    keys = [page.translation_key for page in sources]
    translations = {
        page.translation_key: page
        for page in Page.objects.filter(locale=target_locale, translation_key__in=keys)
    }
    synced_at = dict(
        TranslationSource.objects.filter(locale=source_locale, object_id__in=keys).values_list(
            "object_id", "last_updated_at"
        )
    )
    statuses = []
    for page in sources:
        translation = translations.get(page.translation_key)
        if translation is None:
            status = MISSING
        elif _edited_since(page, synced_at.get(page.translation_key)):
            # The source changed after translators last received its text.
            status = OUT_OF_DATE
        elif not translation.live or translation.has_unpublished_changes:
            status = DRAFT
        else:
            status = CURRENT
        statuses.append(PageStatus(page, translation, status))
    return statuses


def _edited_since(page, synced_at):
    changed_at = page.last_published_at or page.latest_revision_created_at
    return synced_at is None or (changed_at is not None and changed_at > synced_at)


@permission_required("wagtail_localize.submit_translation", raise_exception=True)
def translation_status_view(request):
    source = Locale.get_default()
    statuses = []
    for target in Locale.objects.exclude(pk=source.pk):
        statuses.append((target, translation_statuses(source, target)))
    return render(request, "staff/admin/translation_status.html", {"statuses": statuses})
