"""What the ground floor needs to know of the apps above it, without importing them.

Each app registers its own models and providers in its `AppConfig.ready`;
home reads the registries when it needs them (roles, workflow, the page head).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q


class Registry:
    """An ordered set of things registered by apps, read by home."""

    def __init__(self, description):
        self.description = description
        self._items = []

    def register(self, item):
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, item):
        return item in self._items


@dataclass(frozen=True)
class FeedLink:
    """A feed announced in every page's head: `<link rel="alternate" type=… title=…>`."""

    title: str
    mime_type: str
    url: str


# Models whose changes go live only once a manager approves them (snippets;
# pages are under the workflow by the tree).
moderated_models = Registry("models under the approval workflow")


@dataclass(frozen=True)
class PersonalData:
    """Where a model keeps personal data: how to find one person's rows, and their date.

    `email_filter` turns a normalised (lower-case) e-mail address into the Q
    object of that person's rows; `date_field` dates a row for retention.
    """

    email_filter: Callable
    date_field: str


def field_equals(name):
    """An `email_filter` for a model that keeps the normalised address in field `name`."""
    return lambda email: Q(**{name: email})


class PersonalDataRegistry(Registry):
    """Models that hold visitors' personal data, each with its `PersonalData`."""

    def __init__(self, description):
        super().__init__(description)
        self._where = {}

    def register(self, model, *, email_filter, date_field):
        self._where[model] = PersonalData(email_filter, date_field)
        return super().register(model)

    def where(self, model):
        return self._where[model]


# Models that hold visitors' personal data: only users with the model's view
# permission read them (the managers' role is given it), one person's rows are
# exported or erased together (operations.personal_data), and old rows are
# deleted after the retention period.
personal_data_models = PersonalDataRegistry("models holding personal data")

# Callables (request, language_code) -> list of FeedLink for the page head.
feed_providers = Registry("feeds announced in the page head")

# Cached look-ups (home.lookups) and the page cache (operations.pagecache) are
# forgotten when a model changes, except the models registered here: bookkeeping
# that no public page shows (sessions, revisions, logs, logins, submissions...).
# Items are app labels ("sessions"), model labels ("wagtailcore.Revision") or
# model classes. Renditions and the models in `personal_data_models` are never
# shown publicly and are skipped too.
bookkeeping_models = Registry("models whose changes no public page shows")

# Callables () run once after the commit of any change of content (front-end
# cache purges).
content_change_listeners = Registry("what to tell after content changed")

# Callables (now) -> aware datetime or None: the next moment public pages change
# by themselves (an event starting or ending, a registration closing, a
# scheduled publication). No cached page outlives the earliest of them.
time_boundaries = Registry("moments when pages change without a save")

# Query parameters that select a different page of content and so make their
# own cache entry; any other parameter bypasses the page cache. `page`
# (pagination) is always one.
cacheable_query_params = Registry("query parameters kept in page-cache keys")
cacheable_query_params.register("page")


@dataclass(frozen=True)
class OrganisationRelation:
    """A child relation of `home.Organisation` that a higher app defines (a ParentalKey).

    Its `name` is the relation's `related_name`, synchronised from the Italian
    record like the other facts; `panel` is added to the organisation's edit form.
    """

    name: str
    panel: object


# Child relations of organisations defined by higher apps (members adds the
# pillars a member works in): home cannot name their models.
organisation_relations = Registry("child relations of organisations defined by higher apps")


@dataclass(frozen=True)
class RouteRule:
    """What one route of a routable page says about the URLs it serves (home.urlfacts).

    Each callable takes the page and the route's arguments:
    `title` and `description` name the sub-page; `counterpart(page, translation,
    *args)` gives the arguments of the same route on `translation` (the page's
    version in another language), or None when that version lists nothing there;
    `sitemap_args(page)` gives (args, lastmod) for each URL of the route to list
    in sitemap.xml when the route is `indexable`.
    """

    title: Callable
    description: Callable
    counterpart: Callable
    indexable: bool = True
    sitemap_args: Callable | None = None


class RouteRuleRegistry:
    """RouteRules by page model and route name; a model inherits its bases' rules."""

    def __init__(self, description):
        self.description = description
        self._rules = {}

    def register(self, model, route_name, rule):
        self._rules[(model, route_name)] = rule
        return rule

    def rule_for(self, model, route_name):
        for klass in model.__mro__:
            rule = self._rules.get((klass, route_name))
            if rule is not None:
                return rule
        return None

    def rules_of(self, model):
        """(route name, rule) of every route of `model` that has a rule."""
        names = dict.fromkeys(name for klass, name in self._rules if issubclass(model, klass))
        return [(name, self.rule_for(model, name)) for name in names]


# The routable sub-pages of listings (a year's archive, a tag's page): their
# titles, descriptions, counterparts in the other language and indexability.
route_rules = RouteRuleRegistry("rules of routable sub-pages")


@dataclass(frozen=True)
class SearchResult:
    """Something other than a page that the site search lists, as the results show it.

    `by_title` says that every word of the query is in its title: the search lists
    those results before the pages, and the others after them.
    """

    title: str
    url: str
    kind: str
    summary: str = ""
    by_title: bool = False


# Callables (request, home, words) -> list of SearchResult: what the site search
# finds besides pages (members finds its public members), for the language of
# `home` (the home page of the visitor's language) and every one of `words`.
# Each answers with a fixed number of queries, however much it finds.
search_sources = Registry("what the site search finds besides pages")
