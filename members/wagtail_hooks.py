from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.wagtail_hooks import NamedSnippetViewSet, register_source_language_snippet
from members import views
from members.models import GoverningBody


@hooks.register("register_admin_urls")
def register_spreadsheet_urls():
    return [
        path("members/spreadsheet/", views.spreadsheet_view, name="members_spreadsheet"),
        path("members/spreadsheet/import/", views.import_view, name="members_import"),
    ]


class SpreadsheetMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_edit_members(request.user)


@hooks.register("register_admin_menu_item")
def register_spreadsheet_menu_item():
    return SpreadsheetMenuItem(
        _("Members spreadsheet"), reverse("members_spreadsheet"), icon_name="table", order=1000
    )


class GoverningBodyViewSet(NamedSnippetViewSet):
    """The bodies and their terms; translators translate names and descriptions only."""

    model = GoverningBody
    icon = "group"
    menu_label = _("Governing bodies")
    list_display = ["name", NamedSnippetViewSet.english_column, "sort_order"]


register_source_language_snippet(GoverningBodyViewSet)
