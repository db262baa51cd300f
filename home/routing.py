"""Finding the site and the page of a request without walking the page tree each time.

Wagtail finds the site with a query per request and routes a URL one tree level
at a time, two queries per level. The middleware here hands Wagtail both
answers, taken from `home.lookups` (cached across requests, forgotten on any
content change): the site for the host, and which page a URL path lands on,
which is then loaded with a single query. Wagtail keeps each answer on the
request (`_wagtail_site`, `_wagtail_route_for_request`) and uses it as its own.
"""

import hashlib
import re
from contextlib import suppress

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from home import lookups
from home.languages import site_homes
from home.models import BasePage

# Hosts that make a safe part of a cache key; anything else is looked up uncached.
_HOST = re.compile(r"^[A-Za-z0-9.:\[\]-]{1,200}$")


def site_for_request(request):
    """The Wagtail site answering `request`, cached by host and port."""
    host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
    port = request.META.get("SERVER_PORT", "")
    if not _HOST.match(f"{host}{port}"):
        return Site._find_for_request(request)
    return lookups.cached(request, f"site:{host}:{port}", lambda: _find_site(request))


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # Loaded now so that the cached site carries its root page.
        site.root_page  # noqa: B018
    return site


def serving_queryset(model):
    """The queryset a page is served from: with its locale and image (renditions are cached)."""
    queryset = model.objects.select_related("locale")
    if issubclass(model, BasePage):
        queryset = queryset.select_related("image")
    return queryset


def route(request, path):
    """Wagtail's RouteResult for `path` in the active language, or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    home = site_homes(request).get(translation.get_language())
    if home is None:
        return None
    digest = hashlib.blake2b("/".join(components).encode(), digest_size=16).hexdigest()
    key = f"clls:route:{lookups.generation()}:{home.pk}:{digest}"
    entry = cache.get(key)
    if entry is not None:
        page_pk, content_type_id, consumed = entry
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = serving_queryset(model).filter(pk=page_pk).first()
        if page is not None:
            try:
                return page.route(request, components[consumed:])
            except Http404:
                return None
    try:
        result = home.route(request, components)
    except Http404:
        # Not remembered: random addresses must not fill the cache.
        return None
    page = result[0]
    cache.set(key, (page.pk, page.content_type_id, page.depth - home.depth), lookups.TIMEOUT)
    return result


class LookupMiddleware:
    """Gives Wagtail the request's site and page route from the cross-request look-ups."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # With the database down the look-up is left to the view: the readiness
        # check reports it, pages give the 500 page.
        with suppress(DatabaseError):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = route(request, path)
