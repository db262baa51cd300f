"""The search backend: Wagtail's database search, with a dictionary per language on PostgreSQL.

modelsearch's PostgreSQL backend analyses every document and every query with
one text-search configuration (``SEARCH_CONFIG``), so one of the two languages
would lose its stemming: with ``italian``, "operating plans" no longer finds
"operating plan"; with ``english``, "ricerche" no longer finds "ricerca". This
backend keeps modelsearch's index table and query machinery and changes two
things:

- each translatable object is indexed with its own language's configuration
  (``LANGUAGE_CONFIGS``), anything else with ``SEARCH_CONFIG``;
- a query matches a document when some configuration's reading of it does:
  each word or phrase becomes ``to_tsquery(italian, …) || to_tsquery(english, …)``.

The query is read in every language because the caller's language is not a
reliable guide to the documents' (the admin searches pages of both languages
in the editor's interface language); the public search filters by locale, so
its results stay in one language. Each reading drops its own stop words, which
is why whole phrases are read per language rather than word by word.

SQLite, MySQL and other databases get modelsearch's usual backend.
"""

import copy
import operator
from collections import defaultdict
from functools import reduce

from django.contrib.postgres.search import SearchQueryCombinable, SearchQueryField
from django.db import connection
from django.db.models import Func
from modelsearch.backends import database as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from wagtail.models import Locale


class NegatedSearchQuery(SearchQueryCombinable, Func):
    """``!!(query)``: Django can invert a SearchQuery but not a combination of them."""

    template = "!!(%(expressions)s)"
    output_field = SearchQueryField()

    def __init__(self, query):
        super().__init__(query)
        self.config = query.config


class MultilingualSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Reads each word or phrase of the query in every configured language."""

    def get_config(self, backend):
        # A tuple travels unchanged through modelsearch down to the leaves below.
        return backend.query_configs

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, (PlainText, Phrase)):
            # And, Or, Not and Boost recurse into this method with the same configs.
            return super().build_tsquery_content(query, config=config, invert=invert)
        configs = config if isinstance(config, tuple) else (config,)
        readings = []
        for one in configs:
            reading = super().build_tsquery_content(query, config=one)
            if reading is not None:
                readings.append(reading)
        if not readings:
            return None
        combined = reduce(operator.or_, readings)
        # Negating the union, not each reading: a document with the word in any
        # language's reading must be excluded.
        return NegatedSearchQuery(combined) if invert else combined


class MultilingualPostgresIndex(PostgresIndex):
    """Indexes each object with the text-search configuration of its language."""

    def add_items(self, model, objs):
        objs = list(objs)
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        languages = dict(
            Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")
        )
        groups = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            groups[self.backend.config_for_language(language)].append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search with one text-search configuration per language.

    Options, besides modelsearch's: ``LANGUAGE_CONFIGS`` maps language codes to
    PostgreSQL text-search configurations; ``SEARCH_CONFIG`` is used for
    objects that have no language (images, documents, users) and for
    languages missing from the map.
    """

    index_class = MultilingualPostgresIndex
    query_compiler_class = MultilingualSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))
        self.query_configs = tuple(dict.fromkeys([self.config, *self.language_configs.values()]))

    def config_for_language(self, language_code):
        return self.language_configs.get(language_code, self.config)

    def with_config(self, config):
        """This backend, analysing everything with `config`."""
        clone = copy.copy(self)
        clone.config = config
        return clone


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up in a backend module)
    """The multilingual backend on PostgreSQL, modelsearch's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    return database_backend.SearchBackend(params)
