from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SiteContent, Tag


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


register_snippet(SiteContentViewSet)
register_snippet(TagViewSet)
