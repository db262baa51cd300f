"""Site search in the visitor's language, and robots.txt."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from home import urlfacts
from home.languages import site_homes
from home.listings import paginate
from home.registry import search_sources

RESULTS_PER_PAGE = 10
# Nobody types more; longer input is pasted text, and every word costs the
# database a lookup.
MAX_QUERY_LENGTH = 100
# Only words are searched: punctuation means nothing to the search, and some of
# it is syntax to SQLite's full-text engine, where a stray quote is an error.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    """One result (a page, or another source's `SearchResult`) as the results list shows it."""

    page: Page | None
    kind: str
    day: datetime.date | None
    when: str
    summary: str
    title: str = ""
    url: str = ""


def describe(page, summary=""):
    """A SearchHit for a specific page: its type, its date where it has one, its summary."""
    day, when = None, ""
    if callable(getattr(page, "when", None)):
        # Events: the start date for <time>, the whole range as people write it.
        day, when = page.start_date, page.when()
    elif isinstance(getattr(page, "date", None), datetime.date):
        day = page.date
    return SearchHit(
        page=page,
        kind=capfirst(page._meta.verbose_name),
        day=day,
        when=when,
        summary=summary or getattr(page, "meta_description", "") or page.search_description,
        title=page.title,
    )


def hit_for(item):
    """A SearchHit for one item of MixedResults: a page, or a `home.registry.SearchResult`."""
    if isinstance(item, Page):
        return describe(item)
    return SearchHit(
        page=None,
        kind=item.kind,
        day=None,
        when="",
        summary=item.summary,
        title=item.title,
        url=item.url,
    )


class MixedResults:
    """The pages found, with the other sources' results before and after them, as one list.

    The paginator counts and slices it like a queryset: `before` and `after`
    are lists, `pages` the search backend's results, read only for the part of
    the slice that falls in them (a count and a slice: two queries).
    """

    def __init__(self, before, pages, after):
        self.before, self.pages, self.after = before, pages, after
        self._page_count = None

    def page_count(self):
        if self._page_count is None:
            self._page_count = self.pages.count()
        return self._page_count

    def count(self):
        return len(self.before) + self.page_count() + len(self.after)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("MixedResults takes slices only")
        start, stop, _step = key.indices(self.count())
        items = []
        offset = 0
        for part, size in (
            (self.before, len(self.before)),
            (self.pages, self.page_count()),
            (self.after, len(self.after)),
        ):
            lower, upper = max(start - offset, 0), min(stop - offset, size)
            if lower < upper:
                items.extend(part[lower:upper])
            offset += size
        return items


def other_results(request, home, words):
    """The registered sources' results, split into (found by title, found otherwise)."""
    results = [result for source in search_sources for result in source(request, home, words)]
    return (
        [result for result in results if result.by_title],
        [result for result in results if not result.by_title],
    )


def clean_query(raw):
    """What the visitor typed, on one line, without control characters, and whether it was cut."""
    query = "".join(filter(str.isprintable, " ".join(raw.split())))
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def searchable_pages(home):
    """The pages a visitor may find: live, public, in the language and tree of `home`."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(home, inclusive=True)
        .filter(locale_id=home.locale_id)
        .specific()
        .defer_streamfields()
    )


def promoted_hits(query, locale):
    """The editors' promoted pages for `query` in `locale`, in their order.

    Promotions are matched by their page's language, so that an Italian page
    promoted for a word is never offered on the English search, and the other
    way round. Promotions of external links have no language and are not shown.
    """
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query),
            page__locale=locale,
            page__in=Page.objects.live().public(),
        ).order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    pages = Page.objects.filter(pk__in=[promotion.page_id for promotion in promotions]).specific()
    by_pk = {page.pk: page for page in pages.defer_streamfields()}
    return [describe(by_pk[promotion.page_id], promotion.description) for promotion in promotions]


def search_urls(query):
    """This search's address in each language, for the language switcher."""
    suffix = f"?{urlencode({'q': query})}" if query else ""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("search") + suffix
    return urls


def search_facts(request, query, page_obj):
    """The search is never indexed (docs/seo.md); its address in each language keeps the query."""
    title = _("Search: %(query)s") % {"query": query} if query else _("Search")
    facts = urlfacts.view_facts(
        request,
        title=title,
        description=_(
            "Search the news, the events and every page of the site of the Lombardy Life"
            " Sciences Cluster."
        ),
        urls_by_language=search_urls(query),
        indexable=False,
    )
    return urlfacts.paginated(facts, page_obj)


@require_safe
def search(request):
    """Search the pages (and members) of the URL's language; any query answers, never an error."""
    query, shortened = clean_query(request.GET.get("q", ""))
    words = WORD.findall(query)
    home = site_homes(request).get(translation.get_language())
    context = {
        "query": query,
        "has_words": bool(words),
        "shortened": shortened,
        "max_length": MAX_QUERY_LENGTH,
        "page_obj": None,
        "hits": [],
        "promotions": [],
    }
    if words and home is not None:
        pages = searchable_pages(home).search(" ".join(words), operator="and")
        # Results found by their title (a member's name) come first, then the
        # pages by relevance, then those found only in their descriptions.
        by_title, others = other_results(request, home, words)
        page_obj = paginate(request, MixedResults(by_title, pages, others), RESULTS_PER_PAGE)
        context["page_obj"] = page_obj
        context["page_numbers"] = page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
        context["hits"] = [hit_for(item) for item in page_obj.object_list]
        if page_obj.number == 1:
            context["promotions"] = promoted_hits(query, home.locale)
    context["url_facts"] = search_facts(request, query, context["page_obj"])
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def robots_txt(request):
    """Crawlers may read every public page, search included (to see its noindex), not the admin."""
    # The site's own address, like the sitemap's URLs, rather than the host asked for.
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/")
    sitemap_url = urljoin(root_url, reverse("sitemap"))
    return TemplateResponse(
        request,
        "search/robots.txt",
        {"sitemap_url": sitemap_url},
        content_type="text/plain; charset=utf-8",
    )
