from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from home import views
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
def register_tag_autocomplete_url():
    return [path("tags/autocomplete/", views.tag_autocomplete_view, name="home_tag_autocomplete")]
