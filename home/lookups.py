"""Look-ups every page repeats, made once per request and kept across requests.

The site for a host, each language's home, menus, site content, the language
links of a page, the view restrictions: every public page needs them and they
change only when an editor saves something. They are kept in Django's cache
under a *generation*: any save or delete of content (pages, snippets, tags,
sites, locales, images) bumps the generation, so every entry made before it is
ignored from then on and expires by itself. Simple, and never stale.

Within one request each value is read from the cache once and kept on the
request, so the template tags may ask for it as often as they like.
"""

import uuid

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

GENERATION_KEY = "clls:lookups:generation"
# Entries of an old generation are never read again; they only need to leave the cache.
TIMEOUT = 60 * 60 * 24
_MISSING = object()
# Where a request keeps the generation it read first; look-up names all hold a colon.
_GENERATION = "generation"

# Content whose change may change what a public page shows, by app label; models of
# those apps that never do (history, renditions, workflow state) are left out.
WATCHED_APPS = {
    "wagtailcore",
    "wagtailimages",
    "taggit",
    "home",
    "news",
    "events",
    "pillars",
    "services",
}
IGNORED_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "pagesubscription",
    "workflowstate",
    "taskstate",
    "comment",
    "commentreply",
    "customrendition",
    "rendition",
    "uploadedimage",
    "referenceindex",
}


def generation():
    """The current generation of cached look-ups (made on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def bump_generation():
    """Forget every cached look-up: something they were built from has changed."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def is_watched(model):
    meta = model._meta
    return meta.app_label in WATCHED_APPS and meta.model_name not in IGNORED_MODELS


def content_changed(sender, **kwargs):
    """Signal receiver: bump the generation when watched content is saved or deleted."""
    if sender is None or is_watched(sender):
        bump_generation()


def cached(request, name, build):
    """`build()`, computed once per generation (across requests) and once per request.

    `name` must say everything the value depends on (language, host, page).
    """
    memo = None
    if request is not None:
        memo = request.__dict__.setdefault("_clls_lookups", {})
        value = memo.get(name, _MISSING)
        if value is not _MISSING:
            return value
    if memo is not None:
        if _GENERATION not in memo:
            memo[_GENERATION] = generation()
        current = memo[_GENERATION]
    else:
        current = generation()
    key = f"clls:lookup:{current}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, TIMEOUT)
    if memo is not None:
        memo[name] = value
    return value


def restricted_sections():
    """(path, depth) of each page with a view restriction, kept across requests."""

    def build():
        restrictions = PageViewRestriction.objects.values_list("page__path", "page__depth")
        return sorted(set(restrictions))

    return cached(None, "view-restrictions", build)


def private_q():
    """Wagtail's `PageQuerySet.private_q` without its query on every call."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def public(queryset):
    """`queryset.public()`, with the restricted sections taken from the cache."""
    return queryset.exclude(private_q())
