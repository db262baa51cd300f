"""Translating pages and snippets through wagtail-localize from code.

The demo site and the tests translate content the way a translator does in the
admin: the strings go into wagtail-localize, which then writes the target page
or snippet, so the two versions stay linked as source and translation.
"""

import html
import json

from django.core.exceptions import ValidationError
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home import lookups


class MissingTranslationError(ValueError):
    """A string of the source has no translation; saving would leak the source language."""


def fill_translation(translation, translate_string):
    """Give every string of `translation`'s source its translation by `translate_string`.

    `translate_string` receives each source string as plain text (entities
    decoded, line breaks as newlines; inline markup is not supported) and
    returns its translation, or None when it has none: that raises
    MissingTranslationError instead of letting wagtail-localize fall back to the
    source text.
    """
    locale = translation.target_locale
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = html.unescape(segment.string.data.replace("<br/>", "\n"))
        translated = translate_string(text)
        if translated is None:
            raise MissingTranslationError(f"No {locale.language_code} text for {text!r}.")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": html.escape(translated, quote=False).replace("\n", "<br/>")},
        )


def translate_object(
    instance, locale, translate_string, *, user=None, publish=True, overrides=None
):
    """Write the `locale` version of `instance`, translating each string with `translate_string`.

    See `fill_translation` for `translate_string`. `overrides` maps overridable
    fields to the translation's own value (an organisation's official English
    name), as a translator sets them. Returns the translated object.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    fill_translation(translation, translate_string)
    override_segments(translation, overrides or {})
    draftable = isinstance(instance, DraftStateMixin)
    # wagtail-localize defers publishing to transaction.on_commit, which never
    # fires inside an outer transaction (a test, a data migration) and then
    # publishes a stale copy; save a draft and publish it here instead.
    translation.save_target(user=user, publish=not draftable)
    target = instance.get_translation(locale)
    if draftable and publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


def override_segments(translation, overrides):
    """Set the translation's own value of each overridable field named in `overrides`."""
    segments = OverridableSegment.objects.filter(
        source=translation.source, context__path__in=overrides
    ).select_related("context")
    for segment in segments:
        SegmentOverride.objects.update_or_create(
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data_json": json.dumps(overrides[segment.context.path])},
        )


def localized_pages(pages, locale):
    """The live, public versions in `locale` of `pages`, in order, in one query.

    Page links are synchronised from the source, so an English page may point
    at Italian pages; this swaps each for its translation and leaves out those
    not translated yet.
    """
    keys = list(dict.fromkeys(page.translation_key for page in pages))
    if not keys:
        return []
    # Specific fields deferred: the pages are linked by title, with no extra query per type.
    translations = lookups.public(
        Page.objects.live().filter(locale=locale, translation_key__in=keys)
    ).specific(defer=True)
    by_key = {page.translation_key: page for page in translations}
    return [by_key[key] for key in keys if key in by_key]


def localized_objects(objects, locale, *, fallback=False):
    """Translatable snippets (tags, organisations, people) in `locale`, in one query.

    Objects not translated into `locale` are left out, or kept as they are with
    `fallback=True` (for proper names, such as an organisation's).
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    keys = list(dict.fromkeys(obj.translation_key for obj in objects))
    translations = model.objects.filter(locale=locale, translation_key__in=keys)
    if issubclass(model, DraftStateMixin):
        # A translation waiting for approval is not shown yet.
        translations = translations.filter(live=True)
    by_key = {obj.translation_key: obj for obj in translations}
    if fallback:
        originals = {}
        for obj in objects:
            originals.setdefault(obj.translation_key, obj)
        return [by_key.get(key, originals[key]) for key in keys]
    return [by_key[key] for key in keys if key in by_key]


def validate_one_per_locale(instance, message):
    """Refuse, with `message`, a second record of the instance's model in its language.

    A per-language uniqueness rule is invisible to the admin form, which has no
    locale field: say it in the form instead of failing on save.
    """
    others = type(instance)._default_manager.filter(locale_id=instance.locale_id)
    if instance.locale_id and others.exclude(pk=instance.pk).exists():
        raise ValidationError(message)


def slug_is_untranslated(page):
    """Whether `page` is a translation whose slug still holds the source's, untranslated."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale=Locale.get_default()
    ).first()
    if source is None or source.locale_id == page.locale_id:
        return False
    slug = StringSegment.objects.filter(source=source, context__path="slug").first()
    if slug is None or slug.string.data != page.slug:
        return False
    return not StringTranslation.objects.filter(
        translation_of_id=slug.string_id, context_id=slug.context_id, locale_id=page.locale_id
    ).exists()
