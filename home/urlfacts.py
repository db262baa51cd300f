"""What every URL the site serves says about itself, decided in one place.

For a page, a routable sub-page of it (a year's archive, a tag's list), a page
of a paginated list, a view such as the search, or an error page: its title,
its meta description, its canonical URL, its hreflang alternates, whether
search engines may index it, and where the language switcher leads. base.html,
the language switcher and the sitemap all read the `UrlFacts` made here, so
they can never disagree.

Sections describe their own routes with `home.registry.route_rules` (filled in
their AppConfig.ready); this module imports no section. The rules, and the
reasons for them, are in docs/seo.md.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from home import languages
from home.registry import route_rules


@dataclass(frozen=True)
class UrlFacts:
    """What one URL says about itself in its head, its switcher and the sitemap."""

    title: str
    description: str
    # Absolute; empty on error pages, which have no address of their own to name.
    canonical: str
    # (hreflang, absolute URL) pairs, x-default last; empty where the URL names
    # no alternate at all (a page past the first of a list).
    alternates: tuple
    indexable: bool
    # A home.languages.LanguageLink per language, for the switcher.
    languages: tuple

    @property
    def robots(self):
        return "" if self.indexable else "noindex"


def exact_alternates(links):
    """hreflang pairs of the links that lead to a true counterpart (not to a fallback)."""
    return tuple(
        languages.hreflang_alternates(
            {link.code: link.full_url for link in links if not link.is_fallback}
        )
    )


def page_description(page):
    return getattr(page, "meta_description", "") or page.search_description or ""


def page_facts(request, page):
    """A page served at its own URL: its translations are its alternates."""
    links = tuple(languages.page_language_links(request, page))
    return UrlFacts(
        title=page.seo_title or page.title,
        description=page_description(page),
        canonical=page.get_full_url(request),
        alternates=exact_alternates(links),
        indexable=True,
        languages=links,
    )


def _memo(request):
    # Per request only: sub-page facts depend on the time (past events), which
    # the cross-request look-ups of home.lookups do not follow.
    if request is None:
        return {}
    return request.__dict__.setdefault("_clls_urlfacts", {})


def page_versions(request, page):
    """The page's live, public versions in other languages, specific, by language code."""
    memo = _memo(request)
    key = ("versions", page.pk)
    if key not in memo:
        versions = (
            type(page)
            .objects.live()
            .public()
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
        memo[key] = {version.locale.language_code: version for version in versions}
    return memo[key]


def subpage_facts(request, page, route, args=()):
    """A routable sub-page of `page`: what its section's RouteRule says, or the page's facts."""
    rule = route_rules.rule_for(type(page), route)
    if rule is None:
        return page_facts(request, page)
    memo = _memo(request)
    key = ("subpage", page.pk, route, tuple(args))
    if key not in memo:
        memo[key] = _subpage_facts(request, page, route, tuple(args), rule)
    return memo[key]


def _subpage_facts(request, page, route, args, rule):
    current = page.locale.language_code
    versions = page_versions(request, page)
    own_path = page.reverse_subpage(route, args=args)
    page_links = None
    links = []
    for code in languages.language_codes():
        version = page if code == current else versions.get(code)
        other_args = args if version is page else None
        if version is not None and version is not page:
            other_args = rule.counterpart(page, version, *args)
        if other_args is not None:
            path = version.reverse_subpage(route, args=tuple(other_args))
            links.append(
                languages.LanguageLink(
                    code=code,
                    name=languages.language_name(code),
                    url=version.get_url(request) + path,
                    full_url=version.get_full_url(request) + path,
                    is_current=code == current,
                    is_fallback=False,
                    needs_note=False,
                    target_title=version.title,
                )
            )
        elif version is not None:
            # The other language's list exists but holds nothing here: lead to it, and say so.
            links.append(
                languages.LanguageLink(
                    code=code,
                    name=languages.language_name(code),
                    url=version.get_url(request),
                    full_url=version.get_full_url(request),
                    is_current=False,
                    is_fallback=True,
                    needs_note=True,
                    target_title=version.title,
                    note=_(
                        "This list has no counterpart in the other language:"
                        " the link opens “%(title)s”."
                    )
                    % {"title": version.title},
                )
            )
        else:
            if page_links is None:
                page_links = {
                    link.code: link for link in languages.page_language_links(request, page)
                }
            if code in page_links:
                links.append(page_links[code])
    links = tuple(links)
    return UrlFacts(
        title=str(rule.title(page, *args)),
        description=str(rule.description(page, *args)),
        canonical=page.get_full_url(request) + own_path,
        alternates=exact_alternates(links),
        indexable=rule.indexable,
        languages=links,
    )


def view_facts(request, *, title, description, urls_by_language, indexable, fallback=None):
    """A view that answers in each language at its own URL (the search, a member).

    A language it has no version in gets, in the switcher only, the link of the
    page `fallback` for that language (see languages.view_language_links).
    """
    links = tuple(languages.view_language_links(request, urls_by_language, fallback))
    current = translation.get_language()
    return UrlFacts(
        title=str(title),
        description=str(description),
        canonical=request.build_absolute_uri(urls_by_language[current]),
        alternates=exact_alternates(links),
        indexable=indexable,
        languages=links,
    )


def error_facts(request):
    """An error page: no address of its own, not indexed; the switcher leads to the homes."""
    return UrlFacts(
        title="",
        description="",
        canonical="",
        alternates=(),
        indexable=False,
        languages=tuple(languages.page_language_links(request, None)),
    )


def with_page_number(url, number):
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({'page': number})}"


def paginated(facts, page_obj):
    """The facts of one page of a list: past the first, it names only itself and is not indexed.

    Page 3 of the English news is not page 3 of the Italian news, so it has no
    alternate; and its items are all reachable, and in the sitemap, on their own.
    """
    if page_obj is None or page_obj.number <= 1:
        return facts
    values = {
        "title": facts.title,
        "number": page_obj.number,
        "total": page_obj.paginator.num_pages,
    }
    return replace(
        facts,
        title=_("%(title)s, page %(number)s") % values,
        description=_(
            "%(title)s, page %(number)s of %(total)s, on the site of the Lombardy Life Sciences"
            " Cluster."
        )
        % values,
        canonical=with_page_number(facts.canonical, page_obj.number),
        alternates=(),
        indexable=False,
    )


def only_itself(request, facts):
    """A view of a list narrowed by filters: it names only itself and is not indexed."""
    return replace(facts, canonical=request.build_absolute_uri(), alternates=(), indexable=False)


def listing_facts(request, page, route, args, page_obj):
    """A page of a listing served by `route` of `page` (home.listings.ListingPageMixin)."""
    return paginated(subpage_facts(request, page, route, args), page_obj)


def facts_for_context(context):
    """The facts a template renders: those its view made, else its page's, else an error's."""
    facts = context.get("url_facts")
    if facts is not None:
        return facts
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_facts(request, page)
    return error_facts(request)


def alternates_by_translation_key(request, versions):
    """Sitemap alternates of pages, by translation key, from their live public `versions`.

    The same pairs as `page_facts` puts in each page's head, made for a whole
    page of the sitemap at once.
    """
    urls = defaultdict(dict)
    for version in versions:
        urls[version.translation_key][version.locale.language_code] = version.get_full_url(request)
    return {
        key: [
            {"lang_code": code, "location": url}
            for code, url in languages.hreflang_alternates(by_language)
        ]
        for key, by_language in urls.items()
    }


def sitemap_entries(request, page):
    """The indexable sub-pages of `page` for sitemap.xml: location, lastmod and alternates."""
    entries = []
    for route, rule in route_rules.rules_of(type(page)):
        if not rule.indexable or rule.sitemap_args is None:
            continue
        for args, lastmod in rule.sitemap_args(page):
            facts = subpage_facts(request, page, route, args)
            entries.append(
                {
                    "location": facts.canonical,
                    "lastmod": lastmod,
                    "alternates": [
                        {"lang_code": code, "location": url} for code, url in facts.alternates
                    ],
                }
            )
    return entries
