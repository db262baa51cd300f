from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from home import views
from home.admin_dates import register_admin_date_fields
from home.models import Organisation, Person, SiteContent, Tag
from home.permissions import SourceLanguagePermissionPolicy
from home.registry import organisation_relations

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


class SourceLanguageIndexView(snippet_views.IndexView):
    """Snippets listed in the source language unless another is asked for: one row each."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if self.i18n_enabled and "locale" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["locale"] = Locale.get_default().language_code
        return kwargs


class TranslatedNamesIndexView(SourceLanguageIndexView):
    """The listing of named snippets, with each one's name in the other language, if any."""

    def get_base_queryset(self):
        english = self.model.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code="en"
        )
        return (
            super().get_base_queryset().annotate(english_name=Subquery(english.values("name")[:1]))
        )


class EnglishNameColumn(Column):
    """A named snippet's English name, or that it has none yet."""

    def get_value(self, instance):
        return super().get_value(instance) or _("Not translated yet")


class SourceLanguageViewSet(SnippetViewSet):
    """Snippets whose Italian source translators may not edit (see home.permissions)."""

    edit_view_class = SourceLanguageEditView
    index_view_class = SourceLanguageIndexView


class NamedSnippetViewSet(SourceLanguageViewSet):
    """Snippets known by their name, listed with their English name or what is missing."""

    index_view_class = TranslatedNamesIndexView
    # The listing searches names in the database, as for tags: the search backend
    # cannot read its English-name column nor filter by every column the list offers.
    search_backend_name = None
    search_fields = ["name"]
    english_column = EnglishNameColumn("english_name", label=_("English"))


class SiteContentViewSet(SourceLanguageViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Footer and contacts")
    add_to_settings_menu = True
    list_display = ["__str__", "email", "phone"]


class TagViewSet(NamedSnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", NamedSnippetViewSet.english_column, "slug"]


class OrganisationViewSet(NamedSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", NamedSnippetViewSet.english_column, "kind", "member_type", "province"]
    list_filter = ["kind", "member_type", "sector", "province", "listed"]

    def get_edit_handler(self):
        # The model's panels, then those of relations higher apps add (members' pillars).
        panels = [*Organisation.panels, *(relation.panel for relation in organisation_relations)]
        return ObjectList(panels).bind_to_model(self.model)


class PersonViewSet(NamedSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", NamedSnippetViewSet.english_column, "affiliation"]


def register_source_language_snippet(viewset):
    """Register a snippet edited in Italian by editors and only translated by translators."""
    register_permission_policy(viewset.model, SourceLanguagePermissionPolicy(viewset.model))
    register_snippet(viewset)


for viewset in (SiteContentViewSet, OrganisationViewSet, PersonViewSet, TagViewSet):
    register_source_language_snippet(viewset)


@hooks.register("register_admin_urls")
def register_tag_autocomplete_url():
    return [path("tags/autocomplete/", views.tag_autocomplete_view, name="home_tag_autocomplete")]
