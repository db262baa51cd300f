from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from staff import logins, two_factor, views


@hooks.register("register_admin_urls")
def register_translation_queue_urls():
    return [
        path("translations/", views.translation_queue_view, name="translation_queue"),
        path(
            "translations/start/<int:content_type_id>/<int:object_id>/<str:language_code>/",
            views.start_translation_view,
            name="translation_start",
        ),
        path(
            "translations/<int:translation_id>/update/",
            views.update_translation_view,
            name="translation_update",
        ),
        path(
            "translations/<int:translation_id>/submit/",
            views.submit_translation_view,
            name="translation_submit",
        ),
        path("guida/", views.editing_guide_view, name="editing_guide"),
    ]


class TranslationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.SUBMIT_TRANSLATION)


@hooks.register("register_admin_menu_item")
def register_translation_queue_menu_item():
    return TranslationQueueMenuItem(
        _("Translations"), reverse("translation_queue"), icon_name="globe", order=250
    )


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request, panels):
    """Translators see first what waits for them; editors and managers see it too."""
    if request.user.has_perm(views.SUBMIT_TRANSLATION):
        panels.insert(0, views.TranslationQueuePanel())


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def register_login_attempts_urls():
    return [
        path("logins/", logins.login_attempts_view, name="login_attempts"),
        path("logins/unlock/", logins.unlock_view, name="login_unlock"),
    ]


class LoginAttemptsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(logins.UNLOCK_LOGINS)


@hooks.register("register_settings_menu_item")
def register_login_attempts_menu_item():
    return LoginAttemptsMenuItem(_("Failed logins"), reverse("login_attempts"), icon_name="lock")


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", two_factor.setup_view, name="two_factor_setup"),
        path("two-factor/verify/", two_factor.verify_view, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }


# Wagtail's own guide (English, on guide.wagtail.org) and its release notes give way
# to the team's guide, served by the site in the admin's language.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def help_menu_leads_to_our_guide(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
    menu_items.insert(
        0,
        MenuItem(
            _("Editing guide"),
            reverse("editing_guide"),
            name="editing-guide",
            icon_name="help",
            order=1000,
        ),
    )


@hooks.register("insert_global_admin_js")
def translation_editor_labels():
    return format_html('<script src="{}" defer></script>', static("js/translation-editor-i18n.js"))
