"""Thin template wrappers over home.languages, home.structured_data and the registries."""

import json

from django import template
from django.db.models import Q
from django.utils import dateformat, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from home import languages, lookups, structured_data
from home.formats import LONG_DATE_FORMAT
from home.registry import feed_providers

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """A LanguageLink per site language for the page or view in context (worked out once)."""
    cache_key = "_clls_page_languages"
    if cache_key not in context:
        request = context.get("request")
        translated_urls = context.get("translated_urls")
        if translated_urls is not None:
            links = languages.view_language_links(request, translated_urls)
        else:
            links = languages.page_language_links(request, context.get("page"))
        context[cache_key] = links
    return context[cache_key]


@register.simple_tag
def alternate_links(links):
    """The hreflang alternates: exact translations only, x-default to the source language."""
    return languages.hreflang_alternates(
        {link.code: link.full_url for link in links if not link.is_fallback}
    )


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
