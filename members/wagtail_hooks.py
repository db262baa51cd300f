from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from members import views


@hooks.register("register_admin_urls")
def register_export_url():
    return [path("members/export/", views.export_view, name="members_export")]


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_edit_members(request.user)


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return ExportMenuItem(
        _("Members spreadsheet"), reverse("members_export"), icon_name="download", order=1000
    )
