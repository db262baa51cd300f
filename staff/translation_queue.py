"""The translators' queue: what waits to be translated, and the steps of a translation.

Every Italian page and every moderated snippet (`home.registry.moderated_models`)
has, for each other language, one state: missing, in progress, awaiting approval,
out of date (the source changed since translators last received its text) or
current. A translator starts, updates and submits translations from here, never
from the Italian edit views, which they may not open.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from home.models import TaggedPageMixin, translate_page_tags
from home.registry import moderated_models

MISSING, IN_PROGRESS, AWAITING_APPROVAL, OUT_OF_DATE, CURRENT = (
    "missing",
    "in_progress",
    "awaiting_approval",
    "out_of_date",
    "current",
)
LABELS = {
    MISSING: _("To translate"),
    IN_PROGRESS: _("In progress"),
    AWAITING_APPROVAL: _("Awaiting approval"),
    OUT_OF_DATE: _("To update"),
    CURRENT: _("Up to date"),
}
# The states in which the translator has something to do, first the most urgent.
TO_DO = (OUT_OF_DATE, MISSING, IN_PROGRESS)


class IncompleteTranslationError(Exception):
    """Some strings of the source have no translation yet."""

    def __init__(self, missing):
        super().__init__(missing)
        self.missing = missing


@dataclass
class QueueItem:
    source: object
    translation: object | None
    status: str
    translation_source: TranslationSource | None = None
    record: Translation | None = None
    changed: list = field(default_factory=list)
    untranslated: int = 0

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def kind(self):
        model = self.source.specific_class if isinstance(self.source, Page) else type(self.source)
        return model._meta.verbose_name

    @property
    def title(self):
        return self.source.title if isinstance(self.source, Page) else str(self.source)

    @property
    def content_type_id(self):
        return ContentType.objects.get_for_model(type(self.source)).pk

    @property
    def edit_url(self):
        """The translation editor of the translation (wagtail-localize opens it on edit)."""
        return edit_url(self.translation) if self.translation is not None else ""

    @property
    def to_do(self):
        return self.status in TO_DO


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def translation_queue(target_locale, *, changes=True):
    """Every source page and moderated snippet with the state of its `target_locale` version.

    With `changes`, out-of-date items list the source strings that are new
    since their translation was last updated.
    """
    source_locale = Locale.get_default()
    pages = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path")
    items = _items(pages, Page, source_locale, target_locale)
    for model in moderated_models:
        sources = model.objects.filter(locale=source_locale)
        items += _items(sources, model, source_locale, target_locale)
    if changes:
        for item in items:
            if item.status == OUT_OF_DATE and item.translation_source is not None:
                item.changed = changed_strings(item.translation_source)
    return items


def _items(sources, model, source_locale, target_locale):
    sources = list(sources)
    keys = [source.translation_key for source in sources]
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(locale=target_locale, translation_key__in=keys)
    }
    translation_sources = {
        str(ts.object_id): ts
        for ts in TranslationSource.objects.filter(locale=source_locale, object_id__in=keys)
    }
    records = {
        record.source_id: record
        for record in Translation.objects.filter(
            source__in=translation_sources.values(), target_locale=target_locale, enabled=True
        )
    }
    untranslated = _untranslated_counts(translation_sources.values(), target_locale)
    in_review = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(obj.pk) for obj in translations.values()],
        )
        .values_list("object_id", flat=True)
    )
    items = []
    for source in sources:
        translation = translations.get(source.translation_key)
        translation_source = translation_sources.get(str(source.translation_key))
        items.append(
            QueueItem(
                source,
                translation,
                _status(source, translation, translation_source, in_review, untranslated),
                translation_source,
                records.get(translation_source.pk) if translation_source else None,
                untranslated=untranslated.get(translation_source.pk, 0)
                if translation_source
                else 0,
            )
        )
    return items


def untranslated_segments(translation_sources, locale):
    """The strings of `translation_sources` that translators still have to translate into `locale`.

    The slug is not one of them: left untranslated, it is made from the translated
    title (`BasePage.full_clean`).
    """
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    return (
        StringSegment.objects.filter(source__in=list(translation_sources))
        .exclude(context__path="slug")
        .annotate(translated=Exists(translated))
        .filter(translated=False)
    )


def _untranslated_counts(translation_sources, locale):
    """How many strings of each translation source wait for a translator, by source id."""
    rows = (
        untranslated_segments(translation_sources, locale)
        .values("source_id")
        .annotate(count=Count("pk"))
    )
    return {row["source_id"]: row["count"] for row in rows}


def _status(source, translation, translation_source, in_review, untranslated):
    if translation is None:
        return MISSING
    if str(translation.pk) in in_review:
        return AWAITING_APPROVAL
    if _changed_since(source, translation_source):
        return OUT_OF_DATE
    if (
        not translation.live
        or translation.has_unpublished_changes
        or untranslated.get(translation_source.pk)
    ):
        return IN_PROGRESS
    return CURRENT


def _changed_since(source, translation_source):
    """Whether the source was published again after translators last received its text."""
    if translation_source is None:
        return True
    changed_at = source.last_published_at
    return changed_at is not None and changed_at > translation_source.last_updated_at


def changed_strings(translation_source):
    """The source's texts that its translation has not received yet, in the page's order."""
    instance = translation_source.get_source_instance()
    known = set(
        StringSegment.objects.filter(source=translation_source).values_list(
            "string__data", flat=True
        )
    )
    changed = []
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue) and segment.string.data not in known:
            changed.append(StringValue(segment.string.data).render_text())
    return list(dict.fromkeys(changed))


def can_translate(user, target):
    """Whether `user` may edit the translation `target` (a page or a snippet)."""
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    return policy_registry.get(type(target)).user_has_permission_for_instance(
        user, "change", target
    )


@transaction.atomic
def start_translation(source, target_locale, user):
    """Create the draft translation of `source` into `target_locale`; return it, or None."""
    TranslationCreator(user, [target_locale]).create_translations(source)
    return source.get_translation_or_none(target_locale)


@transaction.atomic
def update_translation(translation):
    """Give the translation the source's current text; new strings await the translator."""
    translation.source.update_from_db()


@transaction.atomic
def submit_for_approval(translation, user):
    """Save the translation as a draft of its target and send it to the managers' workflow.

    Refuses an incomplete translation (IncompleteTranslationError), so that no
    source text reaches the other language. A live target keeps its live content
    until a manager approves: only a revision is saved. Returns the target and
    the names of tags that could not be translated (taken by another tag).
    """
    missing = untranslated_segments([translation.source], translation.target_locale).count()
    if missing:
        raise IncompleteTranslationError(missing)
    target = translation.get_target_instance()
    # Only the slug may lack a translation: it is then made from the title.
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.save_revision(user=user)
    refused = translate_page_tags(target) if isinstance(target, TaggedPageMixin) else []
    state = target.current_workflow_state
    if state is None:
        workflow = target.get_workflow()
        if workflow is None:
            # Nothing to approve: the translation is published as it is.
            draft.get_latest_revision().publish(user=user)
        else:
            workflow.start(target, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return target, refused
