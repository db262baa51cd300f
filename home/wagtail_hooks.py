from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from home import admin_views
from home.admin_dates import register_admin_date_fields
from home.models import Organisation, Person, SiteContent, Tag
from home.permissions import SourceLanguagePermissionPolicy

register_admin_date_fields()


class SourceLanguageEditView(snippet_views.EditView):
    """Wagtail's edit view checks the model permission only; add the per-object one."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            raise PermissionDenied
        return instance


class SourceLanguageViewSet(SnippetViewSet):
    """Snippets whose Italian source translators may not edit (see home.permissions)."""

    edit_view_class = SourceLanguageEditView


class SiteContentViewSet(SourceLanguageViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Footer and contacts")
    add_to_settings_menu = True
    list_display = ["__str__", "email", "phone"]


class TagViewSet(SourceLanguageViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SourceLanguageViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]


class PersonViewSet(SourceLanguageViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "affiliation"]


for viewset in (SiteContentViewSet, OrganisationViewSet, PersonViewSet, TagViewSet):
    register_permission_policy(viewset.model, SourceLanguagePermissionPolicy(viewset.model))
    register_snippet(viewset)


@hooks.register("register_admin_urls")
def register_translation_queue_urls():
    return [
        path("translations/", admin_views.translation_queue_view, name="translation_queue"),
        path(
            "translations/start/<int:content_type_id>/<int:object_id>/<str:language_code>/",
            admin_views.start_translation_view,
            name="translation_start",
        ),
        path(
            "translations/<int:translation_id>/update/",
            admin_views.update_translation_view,
            name="translation_update",
        ),
        path(
            "translations/<int:translation_id>/submit/",
            admin_views.submit_translation_view,
            name="translation_submit",
        ),
        path("tags/autocomplete/", admin_views.tag_autocomplete_view, name="home_tag_autocomplete"),
    ]


class TranslationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.SUBMIT_TRANSLATION)


@hooks.register("register_admin_menu_item")
def register_translation_queue_menu_item():
    return TranslationQueueMenuItem(
        _("Translations"), reverse("translation_queue"), icon_name="globe", order=250
    )


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request, panels):
    """Translators see first what waits for them; editors and managers see it too."""
    if request.user.has_perm(admin_views.SUBMIT_TRANSLATION):
        panels.insert(0, admin_views.TranslationQueuePanel())


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
