from functools import partial

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.models import EventPage
from events.registration import staff


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path(
            "registrations/",
            partial(staff.index_view, event_model=EventPage),
            name="event_registrations",
        ),
        path(
            "registrations/<int:event_id>/",
            partial(staff.event_view, event_model=EventPage),
            name="event_registrations_event",
        ),
        path(
            "registrations/<int:event_id>/export/<str:export_format>/",
            partial(staff.export_view, event_model=EventPage),
            name="event_registrations_export",
        ),
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return staff.may_view(request.user)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("event_registrations"), icon_name="group", order=260
    )
