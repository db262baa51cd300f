"""Thin template wrappers over home.languages, home.structured_data and the registries."""

import json

from django import template
from django.utils import dateformat, translation
from django.utils.safestring import mark_safe
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


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's top-level pages marked "show in menus"."""
    request = context.get("request")
    page = context.get("page")
    home = languages.site_homes(request).get(translation.get_language()) if request else None
    items = []
    if home is not None:
        current_path = page.path if isinstance(page, Page) else ""
        for item in _menu_entries(request, home):
            items.append(
                {
                    **item,
                    "is_current": current_path == item["path"],
                    "is_ancestor": current_path.startswith(item["path"])
                    and current_path != item["path"],
                }
            )
    return {"home": home, "home_url": home.get_url(request) if home else "/", "items": items}


def _menu_entries(request, home):
    """Title, URL and tree path of the home's menu pages, kept across requests."""

    def build():
        return [
            {"title": child.title, "url": child.get_url(request), "path": child.path}
            for child in home.get_children().live().public().in_menu()
        ]

    return lookups.cached(request, f"main-menu:{home.pk}:{request.get_host()}", build)


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
