from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Organisation, Person, SiteContent, Tag


class SiteContentViewSet(SnippetViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Footer and contacts")
    add_to_settings_menu = True
    list_display = ["__str__", "email", "phone"]


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "affiliation"]


register_snippet(SiteContentViewSet)
register_snippet(OrganisationViewSet)
register_snippet(PersonViewSet)
register_snippet(TagViewSet)
