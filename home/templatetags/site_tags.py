"""Thin template wrappers over home.languages, home.structured_data and the registries."""

import json
from urllib.parse import urlencode

from django import template
from django.db.models import Q
from django.utils import dateformat, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from home import languages, lookups, structured_data, urlfacts
from home.formats import LONG_DATE_FORMAT
from home.registry import feed_providers

register = template.Library()


@register.simple_tag(takes_context=True)
def url_facts(context):
    """The UrlFacts of the page or view in context (home.urlfacts), worked out once."""
    cache_key = "_clls_url_facts"
    if cache_key not in context:
        context[cache_key] = urlfacts.facts_for_context(context)
    return context[cache_key]


@register.simple_tag(takes_context=True)
def page_languages(context):
    """A LanguageLink per site language for the page or view in context (its UrlFacts')."""
    return url_facts(context).languages


@register.simple_tag
def page_href(number, query=""):
    """The link to page `number` of a list: page 1 is the list's own address, never `?page=1`."""
    params = {"q": query} if query else {}
    if number > 1:
        params["page"] = number
    return f"?{urlencode(params)}" if params else "."


# The pillars are gathered under one "What we do" entry of the main menu, in the
# place of the first of them; named by app and model, since home cannot import pillars.
PILLAR_TYPE = {"content_type__app_label": "pillars", "content_type__model": "pillarpage"}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's top-level pages marked "show in menus", and its pillars.

    One query whatever the number of pages: the pillars come with the menu pages
    and are grouped under a "What we do" entry where the first of them stands.
    """
    request = context.get("request")
    page = context.get("page")
    home = languages.site_homes(request).get(translation.get_language()) if request else None
    items = []
    if home is not None:
        current_path = page.path if isinstance(page, Page) else ""
        pillars = None
        for entry in _menu_entries(request, home):
            link = {
                "title": entry["title"],
                "url": entry["url"],
                "is_current": current_path == entry["path"],
                "is_ancestor": current_path.startswith(entry["path"])
                and current_path != entry["path"],
            }
            if not entry["is_pillar"]:
                items.append(link)
            elif pillars is None:
                pillars = {"title": gettext("What we do"), "id": "menu-pillars", "children": [link]}
                items.append(pillars)
            else:
                pillars["children"].append(link)
        if pillars is not None:
            pillars["is_ancestor"] = any(
                link["is_current"] or link["is_ancestor"] for link in pillars["children"]
            )
    return {"home": home, "home_url": home.get_url(request) if home else "/", "items": items}


def _menu_entries(request, home):
    """Title, URL, tree path and kind of the home's menu pages and pillars, kept across requests."""

    def build():
        children = (
            home.get_children()
            .live()
            .public()
            .filter(Q(show_in_menus=True) | Q(**PILLAR_TYPE))
            .select_related("content_type")
        )
        return [
            {
                "title": child.title,
                "url": child.get_url(request),
                "path": child.path,
                "is_pillar": (child.content_type.app_label, child.content_type.model)
                == (PILLAR_TYPE["content_type__app_label"], PILLAR_TYPE["content_type__model"]),
            }
            for child in children
        ]

    return lookups.cached(request, f"main-menu:{home.pk}:{request.get_host()}", build)


@register.simple_tag(takes_context=True)
def content_generation(context, timely=False):
    """The content generation, to vary `{% cache %}` fragments on: a new one after any change.

    `timely`: also the next time boundary, for fragments that change with time.
    """
    request = context.get("request")
    current = lookups.generation() if request is None else lookups.request_generation(request)
    return f"{current}@{lookups.next_change(current)}" if timely else current


@register.simple_tag(takes_context=True)
def site_content(context):
    """This language's footer and contact details, or None."""
    return languages.site_content_for(context.get("request"), translation.get_language())


@register.simple_tag(takes_context=True)
def site_feeds(context):
    """The feeds of the current language that the apps announce in every page's head."""
    request = context.get("request")
    language = translation.get_language()
    return [link for provider in feed_providers for link in provider(request, language)]


@register.simple_tag(takes_context=True)
def site_structured_data(context):
    """JSON-LD every page carries besides its own: who publishes the site, or where it sits."""
    return structured_data.site_structured_data(context.get("page"), context.get("request"))


@register.filter
def long_date(value):
    """A date as it is written in the active language: "9 luglio 2018", "9 July 2018"."""
    if not value:
        return ""
    return dateformat.format(value, LONG_DATE_FORMAT)


_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """A dict as the body of a <script type="application/ld+json">, safe from </script>."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308
