from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from operations.models import OutgoingEmail
from operations.views import may_handle_personal_data, personal_data_view


class OutboxViewSet(ModelViewSet):
    """The outbox, read-only: what was sent, what waits for the mail server, what failed."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outbox")
    menu_hook = "register_reports_menu_item"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = ["subject", "status", "created_at", "attempts", "last_error"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    form_fields = []


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxViewSet("outbox")


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", personal_data_view, name="personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return may_handle_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(_("Personal data"), reverse("personal_data"), icon_name="user")
