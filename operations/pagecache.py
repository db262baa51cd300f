"""The page cache: whole responses for anonymous visitors, forgotten on any public change.

A response is stored when an anonymous visitor (no session or messages cookie,
no Authorization header) GETs a URL whose query holds only whitelisted
parameters, and the answer is a 200 HTML page (or feed, or calendar) that sets
no cookie, used no CSRF token, is not marked private or no-cache, and varies on
nothing but cookies and encoding. Its key is the full URL (scheme, host, path
with the language prefix, whitelisted query); it records the site's content
*generation* (`home.lookups`) it was stored under, and only serves while that
is current.

Any saved or deleted model that public pages can show, and every publish,
unpublish and move, bumps the generation (at the change and again once the
transaction commits): all entries are forgotten at once, so no listing, feed or
menu can go stale. The same generation keys the cached look-ups. Entries
also expire at the next *time boundary* (an event starting or ending, a
registration closing, a scheduled publication), which apps register in
`home.registry.time_boundaries`. docs/performance.md ("Page cache") says why.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.module_loading import import_string
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Revision, Site

from home import lookups
from home.registry import cacheable_query_params

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
CACHEABLE_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "text/calendar",
    "application/xml",  # the sitemap
)
# Paths that are never pages for visitors.
EXCLUDED_PREFIXES = ("/admin/", "/documents/")
# A cacheable parameter's value must be short: long values are not pages.
MAX_PARAM_LENGTH = 20
# Settings --------------------------------------------------------------------


def _shared_cache():
    """Whether the default cache is shared by every worker (Redis)."""
    backend = import_string(settings.CACHES["default"]["BACKEND"])
    return issubclass(backend, import_string("django.core.cache.backends.redis.RedisCache"))


def status():
    """(on, why): whether the page cache serves pages, and the reason in words."""
    mode = str(getattr(settings, "PAGE_CACHE", "auto")).lower()
    if mode == "off":
        return False, "off (PAGE_CACHE=off)"
    if mode == "on":
        return True, "on (PAGE_CACHE=on)"
    if _shared_cache():
        return True, "on (shared Redis cache)"
    return False, (
        "off: the cache is this process's local memory, which a purge in one worker "
        "cannot reach in the others; set CACHE_URL=redis://... (or PAGE_CACHE=on for "
        "a single process)"
    )


_status = None


def is_on():
    global _status
    if _status is None:
        _status = status()
    return _status[0]


def _forget_status(setting, **kwargs):
    global _status
    if setting in {"PAGE_CACHE", "CACHES"}:
        _status = None


setting_changed.connect(_forget_status)


def seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


# Time boundaries --------------------------------------------------------------


def entry_seconds(generation):
    """How long an entry stored now may live: the setting, cut at the next time boundary."""
    boundary = lookups.next_change(generation)
    if not boundary:
        return seconds()
    return min(seconds(), int(boundary - time.time()))


def scheduled_publications(now):
    """Next approved publication of a revision (page or snippet), or expiry of a live page."""
    moments = [
        Revision.objects.filter(approved_go_live_at__gt=now)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first(),
        Page.objects.filter(live=True, expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first(),
    ]
    return min((moment for moment in moments if moment), default=None)


# Front-end caches ------------------------------------------------------------


def frontend_backends():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return {}
    return get_backends()


def site_roots():
    """The root URL of every site in every language: what a full purge asks to drop."""
    roots = []
    for site in Site.objects.all():
        base = site.root_url.rstrip("/")
        roots += [f"{base}/{code}/" for code, _name in settings.LANGUAGES]
    return roots


def purge_frontend():
    """Ask each front-end cache to forget everything: the same purge as the generation."""
    backends = frontend_backends()
    if not backends:
        return
    urls = site_roots()
    for name, backend in backends.items():
        try:
            if hasattr(backend, "purge_all"):
                backend.purge_all()
            else:
                backend.purge_batch(urls)
        except Exception:
            logger.exception("Front-end cache %s could not be purged", name)


# The middleware ---------------------------------------------------------------


def _has_personal_state(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGES_COOKIE_NAME", "messages") in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def request_key(request):
    """The cache key of the request without generation, or None when it must bypass."""
    if request.method not in {"GET", "HEAD"} or _has_personal_state(request):
        return None
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return None
    allowed = set(cacheable_query_params)
    query = []
    for name, values in request.GET.lists():
        if name not in allowed or len(values) != 1 or len(values[0]) > MAX_PARAM_LENGTH:
            return None
        query.append((name, values[0]))
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    url = f"{request.scheme}://{host}{request.path}?{sorted(query)!r}"
    return hashlib.sha256(url.encode()).hexdigest()


def _vary(response):
    return {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}


def _cache_control(response):
    return {
        v.split("=")[0].strip().lower()
        for v in cc_delim_re.split(response.get("Cache-Control", ""))
        if v.strip()
    }


def storable(request, response):
    """Whether this response to an anonymous GET is the same for every anonymous visitor."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and content_type in CACHEABLE_TYPES
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (_cache_control(response) & {"private", "no-cache", "no-store"})
        and _vary(response) <= {"cookie", "accept-encoding"}
    )


def _shared_headers(response, ttl):
    """Headers of a cached page: no Vary on cookies, and what a CDN may keep."""
    vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()]
    vary = [v for v in vary if v.strip().lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif "Vary" in response:
        del response["Vary"]
    stale = int(getattr(settings, "PAGE_CACHE_STALE_SECONDS", 60))
    response["Cache-Control"] = f"max-age=0, s-maxage={max(ttl, 0)}, stale-while-revalidate={stale}"


class PageCacheMiddleware:
    """Answer anonymous visitors from the page cache; store what can be shared.

    Sits right after SecurityMiddleware and WhiteNoise, so that a hit skips
    sessions, authentication, CSRF and the view.
    """

    logged = False

    def __init__(self, get_response):
        self.get_response = get_response
        if not PageCacheMiddleware.logged:
            PageCacheMiddleware.logged = True
            logger.info("Page cache %s", status()[1])

    def __call__(self, request):
        if not is_on():
            return self.get_response(request)
        key = request_key(request)
        if key is None:
            response = self.get_response(request)
            if _has_personal_state(request) and "Cache-Control" not in response:
                # Shared caches must not keep what a logged-in person saw.
                patch_cache_control(response, private=True)
            response[HEADER] = "bypass"
            return response
        # One round trip: the generation and the entry together. The entry keeps
        # the generation it was stored under; an older one is a miss (and is
        # overwritten by the fresh page, so purged pages do not pile up).
        entry_key = f"pagecache:page:{key}"
        found = cache.get_many([lookups.GENERATION_KEY, entry_key])
        generation = lookups.request_generation(request, found.get(lookups.GENERATION_KEY))
        entry = found.get(entry_key)
        # The expiry is checked here too: the cache's own clock may differ (Redis).
        if entry is not None and entry[0] == generation and entry[4] > time.time():
            return self.rebuild(entry)
        response = self.get_response(request)
        if storable(request, response):
            ttl = entry_seconds(generation)
            if ttl >= 1:
                _shared_headers(response, ttl)
                entry = (
                    generation,
                    response.status_code,
                    list(response.items()),
                    response.content,
                    time.time() + ttl,
                )
                cache.set(entry_key, entry, timeout=ttl)
                response[HEADER] = "miss"
                return response
        response[HEADER] = "bypass"
        return response

    @staticmethod
    def rebuild(entry):
        _generation, status_code, headers, content, expires = entry
        response = HttpResponse(content, status=status_code)
        for name, value in headers:
            response[name] = value
        stale = int(getattr(settings, "PAGE_CACHE_STALE_SECONDS", 60))
        left = max(round(expires - time.time()), 0)
        response["Cache-Control"] = f"max-age=0, s-maxage={left}, stale-while-revalidate={stale}"
        response[HEADER] = "hit"
        return response
