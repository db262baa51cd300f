"""The members spreadsheet in the admin: export of the Italian member records."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from home.choices import OrganisationKind
from home.models import Organisation
from members.importer import EDIT_PERMISSIONS
from members.spreadsheet import write_csv, write_xlsx

FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        write_xlsx,
    ),
}


def may_edit_members(user):
    return user.has_perms(EDIT_PERMISSIONS)


def export_view(request):
    """The export page, or the file itself when a format is asked for."""
    if not may_edit_members(request.user):
        raise PermissionDenied
    file_format = request.GET.get("format")
    if file_format not in FORMATS:
        return render(request, "members/admin/export.html", {"formats": list(FORMATS)})
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
