"""Look-ups every page repeats, made once per request and kept across requests.

The site for a host, each language's home, menus, site content, the language
links of a page, the view restrictions: every public page needs them and they
change only when an editor saves something. They are kept in Django's cache
under the site's *content generation*: any save or delete of something public
pages can show (pages, snippets, tags, sites, locales, images: every model but
the bookkeeping registered in `home.registry.bookkeeping_models`) bumps it, so
every entry made before it is ignored from then on and expires by itself.
Simple, and never stale. The page cache (operations.pagecache) keys its entries
on the same generation, so one counter and one set of signals serve both.

Within one request each value is read from the cache once and kept on the
request, so the template tags may ask for it as often as they like.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.images.models import AbstractRendition
from wagtail.models import COMMENTS_RELATION_NAME, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.registry import (
    bookkeeping_models,
    content_change_listeners,
    personal_data_models,
    time_boundaries,
)

GENERATION_KEY = "clls:generation"
# Entries of an old generation are never read again; they only need to leave the cache.
TIMEOUT = 60 * 60 * 24
_MISSING = object()
# Where a request keeps the generation it read first; look-up names all hold a colon.
_GENERATION = "generation"

# Fields Wagtail saves alone when an editor saves a draft or locks a page:
# what visitors see does not change.
BOOKKEEPING_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


# The generation -------------------------------------------------------------


def _fresh_generation():
    # A clock reading: after an eviction or a flush the new generation cannot
    # meet entries stored under an older one.
    return time.time_ns() // 1000


def generation(value=None):
    """The current content generation; `value` is the one already read, if any."""
    if value is None:
        value = cache.get(GENERATION_KEY)
    if value is None:
        value = _fresh_generation()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return value


def bump_generation():
    """Forget every cached look-up and page, in this process and all others sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


# Time boundaries --------------------------------------------------------------

# How long the next boundary is trusted when nothing changes: a scheduled
# publication is saved as a revision, which bumps no generation.
BOUNDARY_MEMO_SECONDS = 600


def next_boundary(now):
    """The earliest registered moment after `now` when pages change by themselves."""
    moments = [moment for provider in time_boundaries if (moment := provider(now))]
    return min((moment for moment in moments if moment > now), default=None)


def next_change(current=None):
    """Timestamp of the next moment pages change by themselves (0 for none known).

    An event starting or ending, a registration closing, a scheduled publication:
    apps register them in `home.registry.time_boundaries`. Looked up once per
    generation and kept until it passes.
    """
    now = time.time()
    key = f"clls:boundary:{generation(current)}"
    boundary = cache.get(key)
    if boundary is None or (boundary and boundary <= now):
        moment = next_boundary(timezone.now())
        boundary = moment.timestamp() if moment else 0
        memo = BOUNDARY_MEMO_SECONDS
        if boundary:
            memo = min(memo, int(boundary - now) + 1)
        cache.set(key, boundary, timeout=max(memo, 1))
    return boundary


# What counts as a change ----------------------------------------------------


def _is_bookkeeping(model):
    if model in personal_data_models or issubclass(model, AbstractRendition):
        return True
    meta = model._meta
    return any(
        item in (model, meta.label, meta.app_label)
        or (isinstance(item, str) and item.lower() == meta.label_lower)
        for item in bookkeeping_models
    )


_bookkeeping_by_model = {}


def shows_publicly(model):
    """Whether public pages may show this model's rows (so its changes bump the generation)."""
    if model not in _bookkeeping_by_model:
        _bookkeeping_by_model[model] = _is_bookkeeping(model)
    return not _bookkeeping_by_model[model]


def content_committed():
    """After the commit of a change: bump again and tell the listeners (CDN purges).

    The bump at the change lets the writer's own next reads see it; this one
    drops whatever another request rebuilt from the old data meanwhile.
    """
    bump_generation()
    for listener in content_change_listeners:
        listener()


def content_changed():
    """Bump the generation now, and once more when the transaction commits."""
    bump_generation()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        callback is content_committed for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(content_committed, robust=True)


def _saved(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if shows_publicly(sender):
        content_changed()


def _deleted(sender, **kwargs):
    if shows_publicly(sender):
        content_changed()


def _m2m_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and (
        shows_publicly(sender) and shows_publicly(type(instance))
    ):
        content_changed()


def _page_changed(**kwargs):
    content_changed()


def connect_signals():
    """Watch every change public pages can show (called by HomeConfig.ready)."""
    post_save.connect(_saved, dispatch_uid="clls-content-saved")
    post_delete.connect(_deleted, dispatch_uid="clls-content-deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="clls-content-m2m")
    # Moves update the tree with queries that send no post_save; publishing a
    # snippet or page may touch only bookkeeping fields of the live row.
    for signal in (post_page_move, page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"clls-content-{id(signal)}")


def request_generation(request, value=None):
    """The generation this request works under: read once, kept on the request.

    The page cache reads it first, with its entry, and passes `value` on.
    """
    memo = request.__dict__.setdefault("_clls_lookups", {})
    if _GENERATION not in memo:
        memo[_GENERATION] = generation(value)
    return memo[_GENERATION]


def cached(request, name, build, timely=False):
    """`build()`, computed once per generation (across requests) and once per request.

    `name` must say everything the value depends on (language, host, page).
    `timely`: the value also changes with time (coming events), so it is built
    again once the next time boundary has passed.
    """
    memo = None
    if request is not None:
        memo = request.__dict__.setdefault("_clls_lookups", {})
        value = memo.get(name, _MISSING)
        if value is not _MISSING:
            return value
    current = generation() if memo is None else request_generation(request)
    key = f"clls:lookup:{current}:{name}"
    if timely:
        key = f"{key}@{next_change(current)}"
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
