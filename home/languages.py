"""The languages of the page in view, and the per-request look-ups they need.

One plain module that views, the sitemap, the 404 page and the template tags
all use: the site's home page per language, a page's live translations, the
nearest translated ancestor where a translation is missing, the hreflang
alternates and the language switcher's targets, and each language's site
content. Look-ups that every part of a page needs are made once per request.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from home import lookups
from home.models import HomePage, SiteContent


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
    # What the note says, where the switcher's default one would be wrong.
    note: str = ""


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    return dict(settings.LANGUAGES)[code]


def live_translations(page):
    """The page's live, public versions keyed by language code (one query)."""
    pages = page.get_translations(inclusive=True).live().public().select_related("locale")
    return {p.locale.language_code: p for p in pages}


def nearest_translated_ancestors(page, codes):
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


def page_language_links(request, page):
    """A LanguageLink per site language for `page` (or the home pages when there is none).

    Worked out once per page, host and language, and kept across requests.
    """
    is_page = isinstance(page, Page) and page.pk
    host = request.get_host() if request is not None else ""
    name = f"language-links:{page.pk if is_page else 'none'}:{translation.get_language()}:{host}"
    return lookups.cached(request, name, lambda: _page_language_links(request, page))


def _page_language_links(request, page):
    current = translation.get_language()
    is_page = isinstance(page, Page) and page.pk
    exact = live_translations(page) if is_page else {}
    if is_page:
        exact.setdefault(page.locale.language_code, page)
    missing = [code for code in language_codes() if code not in exact]
    fallbacks = nearest_translated_ancestors(page, missing) if missing and is_page else {}
    still_missing = [code for code in missing if code not in fallbacks]
    if still_missing and request is not None:
        homes = site_homes(request)
        fallbacks.update({code: homes[code] for code in still_missing if code in homes})
    links = []
    for code in language_codes():
        target = exact.get(code) or fallbacks.get(code)
        if target is None:
            continue
        is_fallback = code not in exact
        links.append(
            LanguageLink(
                code=code,
                name=language_name(code),
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                is_current=code == current,
                is_fallback=is_fallback,
                needs_note=is_fallback and bool(exact),
                target_title=target.title,
            )
        )
    return links


def view_language_links(request, urls_by_language, fallback=None):
    """LanguageLinks for a view that is not a page but answers in each language (search).

    Where the view has no version in a language, the link of page `fallback`
    (the page it belongs to, such as a member's directory) for that language
    stands in, with the note that the view itself is not translated.
    """
    current = translation.get_language()
    stand_ins = {}
    if fallback is not None:
        stand_ins = {
            link.code: replace(link, is_current=False, is_fallback=True, needs_note=True)
            for link in page_language_links(request, fallback)
            if link.code not in urls_by_language
        }
    links = []
    for code in language_codes():
        if code in urls_by_language:
            links.append(
                LanguageLink(
                    code=code,
                    name=language_name(code),
                    url=urls_by_language[code],
                    full_url=request.build_absolute_uri(urls_by_language[code]),
                    is_current=code == current,
                    is_fallback=False,
                    needs_note=False,
                    target_title="",
                )
            )
        elif code in stand_ins:
            links.append(stand_ins[code])
    return links


def hreflang_alternates(urls_by_language):
    """(hreflang, URL) pairs for the versions given by language code, then x-default.

    x-default is the source language's version, or the first one when the page
    has no Italian version. Shared by the page head and the sitemap, so that
    both always announce the same alternates.
    """
    if not urls_by_language:
        return []
    codes = [code for code in language_codes() if code in urls_by_language]
    default = urls_by_language.get(settings.LANGUAGE_CODE) or urls_by_language[codes[0]]
    return [(code, urls_by_language[code]) for code in codes] + [("x-default", default)]


def site_homes(request):
    """The live home page of each language of the request's site, by language code.

    Kept across requests (`home.lookups`): the router, the menu, the language
    switcher, the search and the 404 page all need it. Bodies are left out.
    """
    if request is None:
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return lookups.cached(request, f"site-homes:{site.pk}", lambda: _site_homes(site))


def _site_homes(site):
    pages = (
        HomePage.objects.live()
        .public()
        .filter(translation_key=site.root_page.translation_key)
        .select_related("locale")
        .defer_streamfields()
    )
    return {home.locale.language_code: home for home in pages}


def site_content_for(request, language_code):
    """A language's SiteContent, kept across requests (footer and JSON-LD share it)."""

    def build():
        content = SiteContent.for_language(language_code)
        if content is not None:
            content.display_footer_links()  # worked out now, and cached with the record
        return content

    return lookups.cached(request, f"site-content:{language_code}", build)
