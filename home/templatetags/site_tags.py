"""Navigation, language and site-content tags used by the base template."""

import json
from dataclasses import dataclass
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home.formats import LONG_DATE_FORMAT
from home.models import HomePage, SiteContent

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    """One language of the page in view, as the switcher and hreflang need it."""

    code: str
    name: str
    url: str
    full_url: str
    is_current: bool
    # True when this language has no translation of the page and the link
    # leads to the nearest translated ancestor (or the home) instead.
    is_fallback: bool
    # True when the visitor should be told so: a page is in view but untranslated.
    needs_note: bool
    target_title: str


def _language_name(code):
    return dict(settings.LANGUAGES)[code]


def live_translations(page):
    """The page's live, public versions keyed by language code (one query)."""
    pages = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {p.locale.language_code: p for p in pages}


def _nearest_translated_ancestors(page, codes):
    """For each language code, the deepest live ancestor translated into it (one query)."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    keys = list(ancestors.values_list("translation_key", flat=True))
    found = {}
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code__in=codes)
        .select_related("locale")
        .order_by("depth")
    )
    for candidate in candidates:
        found[candidate.locale.language_code] = candidate
    return found


@register.simple_tag(takes_context=True)
def page_languages(context):
    """A LanguageLink per site language for the page in view (or the home pages)."""
    cache_key = "_clls_page_languages"
    if cache_key in context:
        return context[cache_key]
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    codes = [code for code, _name in settings.LANGUAGES]

    translated_urls = context.get("translated_urls")
    if translated_urls is not None:
        links = _links_to_views(request, translated_urls, current)
        context[cache_key] = links
        return links

    exact = live_translations(page) if isinstance(page, Page) and page.pk else {}
    if isinstance(page, Page) and page.pk:
        exact.setdefault(page.locale.language_code, page)
    missing = [code for code in codes if code not in exact]
    fallbacks = {}
    if missing and isinstance(page, Page) and page.pk:
        fallbacks = _nearest_translated_ancestors(page, missing)
    still_missing = [code for code in missing if code not in fallbacks]
    if still_missing and request is not None:
        homes = site_homes(request)
        for code in still_missing:
            if code in homes:
                fallbacks[code] = homes[code]

    links = []
    for code in codes:
        target = exact.get(code) or fallbacks.get(code)
        if target is None:
            continue
        is_fallback = code not in exact
        links.append(
            LanguageLink(
                code=code,
                name=_language_name(code),
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                is_current=code == current,
                is_fallback=is_fallback,
                needs_note=is_fallback and bool(exact),
                target_title=target.title,
            )
        )
    context[cache_key] = links
    return links


def _links_to_views(request, translated_urls, current):
    """LanguageLinks for a view that is not a page but answers in each language (search)."""
    return [
        LanguageLink(
            code=code,
            name=_language_name(code),
            url=translated_urls[code],
            full_url=request.build_absolute_uri(translated_urls[code]),
            is_current=code == current,
            is_fallback=False,
            needs_note=False,
            target_title="",
        )
        for code, _name in settings.LANGUAGES
        if code in translated_urls
    ]


def hreflang_alternates(urls_by_language):
    """(hreflang, URL) pairs for the versions given by language code, then x-default.

    x-default is the source language's version, or the first one when the page
    has no Italian version. Shared by the page head and the sitemap, so that
    both always announce the same alternates.
    """
    if not urls_by_language:
        return []
    codes = [code for code, _name in settings.LANGUAGES if code in urls_by_language]
    default = urls_by_language.get(settings.LANGUAGE_CODE) or urls_by_language[codes[0]]
    return [(code, urls_by_language[code]) for code in codes] + [("x-default", default)]


@register.simple_tag
def alternate_links(languages):
    """The hreflang alternates: exact translations only, x-default to the source language."""
    return hreflang_alternates(
        {link.code: link.full_url for link in languages if not link.is_fallback}
    )


def site_homes(request):
    """The live home page of each language of the request's site, by language code.

    Looked up once per request: the menu, the language switcher, the search and
    the 404 page all need it.
    """
    cached = getattr(request, "_clls_site_homes", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    homes = {}
    if site is not None:
        pages = (
            HomePage.objects.live()
            .public()
            .filter(translation_key=site.root_page.translation_key)
            .select_related("locale")
        )
        homes = {home.locale.language_code: home for home in pages}
    request._clls_site_homes = homes
    return homes


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The current language's top-level pages marked "show in menus"."""
    request = context.get("request")
    page = context.get("page")
    home = site_homes(request).get(translation.get_language()) if request else None
    items = []
    if home is not None:
        current_path = page.path if isinstance(page, Page) else ""
        for child in home.get_children().live().public().in_menu():
            items.append(
                {
                    "title": child.title,
                    "url": child.get_url(request),
                    "is_current": current_path == child.path,
                    "is_ancestor": current_path.startswith(child.path)
                    and current_path != child.path,
                }
            )
    return {"home": home, "home_url": home.get_url(request) if home else "/", "items": items}


def site_content_for(request, language_code):
    """A language's SiteContent, looked up once per request (footer and JSON-LD share it)."""
    cache = getattr(request, "_clls_site_content", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._clls_site_content = cache
    if language_code not in cache:
        cache[language_code] = SiteContent.for_language(language_code)
    return cache[language_code]


@register.simple_tag(takes_context=True)
def site_content(context):
    """This language's footer and contact details, or None."""
    return site_content_for(context.get("request"), translation.get_language())


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


SCHEMA_CONTEXT = "https://schema.org"


@register.simple_tag(takes_context=True)
def site_structured_data(context):
    """JSON-LD every page carries besides its own: who publishes the site, or where the page sits.

    A home page describes the Organization and the WebSite, with the site
    search as its SearchAction; any deeper page gets a BreadcrumbList.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk or request is None:
        return []
    if isinstance(page, HomePage):
        return home_structured_data(page, request)
    return [breadcrumb_list(page, request)]


def home_structured_data(home, request):
    """schema.org Organization and WebSite for a language's home page."""
    language = home.locale.language_code
    home_url = home.get_full_url(request)
    with translation.override(language):
        # The name as the page shows it, so that an English page stays English.
        name = translation.gettext("Lombardy Life Sciences Cluster")
        search_path = reverse("search")
    # One organisation behind both languages' homes.
    organisation_id = urljoin(home_url, "/#organization")
    organisation = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Organization",
        "@id": organisation_id,
        "name": name,
        "alternateName": "CLLS",
        "url": home_url,
    }
    if home.meta_description:
        organisation["description"] = home.meta_description
    content = site_content_for(request, language)
    if content is not None:
        for key, value in [
            ("email", content.email),
            ("telephone", content.phone),
            ("address", ", ".join(filter(None, map(str.strip, content.address.splitlines())))),
        ]:
            if value:
                organisation[key] = value
        same_as = [link.url for link in content.social_links.all()]
        if same_as:
            organisation["sameAs"] = same_as
    website = {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "name": name,
        "url": home_url,
        "inLanguage": language,
        "publisher": {"@id": organisation_id},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": urljoin(home_url, search_path) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return [organisation, website]


def breadcrumb_list(page, request):
    """schema.org BreadcrumbList from the language's home down to `page` (one query)."""
    ancestors = list(page.get_ancestors().live().filter(depth__gte=2))
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate([*ancestors, page], start=1)
        ],
    }
