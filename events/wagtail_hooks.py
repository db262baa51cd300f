from functools import partial

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

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


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    """From an event with on-site registration, straight to its registrations (managers)."""
    if page.specific_class is not EventPage or not staff.may_view(user):
        return
    event = page.specific
    if event.registers_on_site:
        url = reverse("event_registrations_event", args=[event.source_page().pk])
        yield Button(_("Registrations"), url, icon_name="group", priority=40)
