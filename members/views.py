"""The members spreadsheet in the admin: export, and import with a preview before it applies.

The preview is a dry run of the import; the uploaded file waits in the user's
session, and "Apply" imports that very file (named by its digest), checked
again, so what is applied is what was previewed or, if the site changed in
between, a report of what stopped it.
"""

import base64
import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from home.choices import OrganisationKind
from home.models import Organisation
from members.importer import EDIT_PERMISSIONS, import_members
from members.spreadsheet import SpreadsheetError, write_csv, write_xlsx

FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        write_xlsx,
    ),
}
# A few thousand members fit in far less; the limit keeps the session small.
MAX_UPLOAD_BYTES = 1024 * 1024
SESSION_KEY = "members_import"
TEMPLATE = "members/admin/spreadsheet.html"


def may_edit_members(user):
    return user.has_perms(EDIT_PERMISSIONS)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File to import"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=gettext_lazy(
            "CSV (UTF-8, separated by commas or semicolons) or XLSX, at most 1 MB, "
            "with the columns of the export."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 1 MB: split it into several files.")
            )
        return upload


def digest(content):
    return hashlib.sha256(content).hexdigest()


def spreadsheet_view(request):
    """The screen (export links and the import form), or the export file when asked for."""
    if not may_edit_members(request.user):
        raise PermissionDenied
    file_format = request.GET.get("format")
    if file_format in FORMATS:
        return export_response(file_format)
    return render_screen(request, ImportForm())


def export_response(file_format):
    content_type, write = FORMATS[file_format]
    members = (
        Organisation.objects.sources()
        .filter(kind=OrganisationKind.MEMBER)
        .prefetch_related("member_pillars__pillar")
        .order_by("name")
    )
    response = HttpResponse(write(members), content_type=content_type)
    name = f"members-{timezone.localdate().isoformat()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def render_screen(request, form, **context):
    publishes = request.user.has_perm("home.publish_organisation")
    return TemplateResponse(
        request,
        TEMPLATE,
        {"formats": list(FORMATS), "form": form, "publishes": publishes, **context},
    )


@require_POST
def import_view(request):
    """Preview an uploaded file (a dry run), or apply the file previewed before."""
    if not may_edit_members(request.user):
        raise PermissionDenied
    if "apply" in request.POST:
        return apply_import(request)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_screen(request, form)
    upload = form.cleaned_data["file"]
    content = upload.read()
    try:
        outcomes, _applied = import_members(content, upload.name, user=request.user, dry_run=True)
    except SpreadsheetError as error:
        form.add_error("file", str(error))
        return render_screen(request, form)
    refused = any(outcome.action == "refused" for outcome in outcomes)
    changes = any(outcome.action in ("created", "updated") for outcome in outcomes)
    if refused or not changes:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = {
            "name": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
        }
    return render_screen(
        request,
        ImportForm(),
        preview=summarise(outcomes),
        filename=upload.name,
        digest=digest(content) if changes and not refused else None,
    )


def apply_import(request):
    stored = request.session.get(SESSION_KEY)
    content = base64.b64decode(stored["content"]) if stored else None
    if content is None or digest(content) != request.POST.get("digest"):
        messages.error(request, _("The previewed file is no longer available: upload it again."))
        return redirect("members_spreadsheet")
    try:
        outcomes, applied = import_members(content, stored["name"], user=request.user)
    except SpreadsheetError as error:
        messages.error(request, str(error))
        return redirect("members_spreadsheet")
    del request.session[SESSION_KEY]
    if not applied:
        messages.error(request, _("The site changed since the preview: nothing was imported."))
        return render_screen(
            request, ImportForm(), preview=summarise(outcomes), filename=stored["name"]
        )
    counts = summarise(outcomes)["counts"]
    text = _("Import done: %(created)s, %(updated)s, %(unchanged)s.") % {
        "created": ngettext("%(n)d created", "%(n)d created", counts["created"])
        % {"n": counts["created"]},
        "updated": ngettext("%(n)d updated", "%(n)d updated", counts["updated"])
        % {"n": counts["updated"]},
        "unchanged": ngettext("%(n)d unchanged", "%(n)d unchanged", counts["unchanged"])
        % {"n": counts["unchanged"]},
    }
    if not request.user.has_perm("home.publish_organisation"):
        text += " " + _("The changes wait for a manager's approval.")
    messages.success(request, text)
    return redirect("members_spreadsheet")


def summarise(outcomes):
    """The rows that change something or are refused, those that do not, and the counts."""
    counts = dict.fromkeys(("created", "updated", "unchanged", "refused"), 0)
    for outcome in outcomes:
        counts[outcome.action] += 1
    return {
        "changed": [outcome for outcome in outcomes if outcome.action != "unchanged"],
        "unchanged": [outcome for outcome in outcomes if outcome.action == "unchanged"],
        "counts": counts,
    }
