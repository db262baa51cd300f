"""The translation queue and its actions, and the dashboard panel that shows it."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import Translation

from staff import translation_queue as queue
from staff.guide import guide_html

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
PANEL_ITEMS = 6


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


@permission_required(SUBMIT_TRANSLATION, raise_exception=True)
def translation_queue_view(request):
    """Every source item and the state of its translation, with the translator's actions."""
    queues = [(locale, queue.translation_queue(locale)) for locale in target_locales()]
    return TemplateResponse(request, "staff/admin/translation_queue.html", {"queues": queues})


@require_POST
@permission_required(SUBMIT_TRANSLATION, raise_exception=True)
def start_translation_view(request, content_type_id, object_id, language_code):
    """Create the translation of a source page or snippet and open its translation editor."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not issubclass(model, TranslatableMixin):
        raise Http404
    source = get_object_or_404(model, pk=object_id, locale=Locale.get_default())
    source = getattr(source, "specific", source)
    locale = get_object_or_404(target_locales(), language_code=language_code)
    target = source.get_translation_or_none(locale) or queue.start_translation(
        source, locale, request.user
    )
    if target is None or not queue.can_translate(request.user, target):
        messages.error(request, _("The translation could not be started."))
        return redirect("translation_queue")
    return redirect(queue.edit_url(target))


def _translation_for(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not queue.can_translate(request.user, target):
        raise PermissionDenied
    return translation, target


@require_POST
@permission_required(SUBMIT_TRANSLATION, raise_exception=True)
def update_translation_view(request, translation_id):
    """Bring the source's new text into an out-of-date translation and open its editor."""
    translation, target = _translation_for(request, translation_id)
    queue.update_translation(translation)
    messages.success(request, _("The new text of the source is ready to translate."))
    return redirect(queue.edit_url(target))


@require_POST
def submit_translation_view(request, translation_id):
    """The translation editor's main action for translators: send it to the managers."""
    translation, target = _translation_for(request, translation_id)
    try:
        target, refused = queue.submit_for_approval(translation, request.user)
    except queue.IncompleteTranslationError as error:
        messages.error(
            request,
            ngettext(
                "One text is not translated yet: translate it before submitting.",
                "%(count)d texts are not translated yet: translate them before submitting.",
                error.missing,
            )
            % {"count": error.missing},
        )
        return redirect(queue.edit_url(target))
    messages.success(
        request, _("“%(title)s” has been sent to the managers for approval.") % {"title": target}
    )
    for name in refused:
        messages.warning(
            request,
            _("The tag “%(name)s” already exists in this language: choose another name.")
            % {"name": name},
        )
    return redirect("translation_queue")


class TranslationQueuePanel(Component):
    """The dashboard's "To translate" panel: what waits for translators, most urgent first."""

    name = "translation_queue"
    template_name = "staff/admin/translation_queue_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        panels = []
        for locale in target_locales():
            items = queue.translation_queue(locale, changes=False)
            to_do = sorted(
                (item for item in items if item.to_do),
                key=lambda item: queue.TO_DO.index(item.status),
            )
            counts = dict.fromkeys(queue.LABELS, 0)
            for item in items:
                counts[item.status] += 1
            panels.append(
                {
                    "locale": locale,
                    "items": to_do[:PANEL_ITEMS],
                    "more": max(len(to_do) - PANEL_ITEMS, 0),
                    "counts": [(queue.LABELS[status], counts[status]) for status in queue.LABELS],
                }
            )
        return {
            **super().get_context_data(parent_context),
            "panels": panels,
            # The panel's forms post from the dashboard, whose token it does not inherit.
            "csrf_token": parent_context.get("csrf_token"),
        }


def editing_guide_view(request):
    """The team's editing guide, in the admin's language (the admin's URLs require a login)."""
    language_code = (get_language() or "it").split("-")[0]
    html = mark_safe(guide_html(language_code))  # noqa: S308 - our own docs, raw HTML escaped
    return TemplateResponse(request, "staff/admin/editing_guide.html", {"guide": html})
