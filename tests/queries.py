"""Counting the database queries of a page, the way the query-count tests need it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# The query budgets of docs/performance.md.
HOME_BUDGET, INDEX_BUDGET, DETAIL_BUDGET = 15, 12, 10
HOMES = {"/it/", "/en/"}


def budgets(urls, budget):
    """Ceilings for `urls`: `budget` each, the homes' own budget for the homes."""
    return {url: HOME_BUDGET if url in HOMES else budget for url in urls}


def query_count(client, url, statuses=(200,)):
    """Queries of a second request to `url` (the first warms Wagtail's per-process caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in statuses, (url, response.status_code)
    return len(queries)


def assert_queries_do_not_grow(test, urls, add, *, few=1, many=30, statuses=(200,), ceilings=None):
    """Each of `urls` issues as many queries once `add(number)` made `few` items as `many`.

    `ceilings` (URL to number) also holds each URL to at most that many queries.
    """

    def counts():
        return {url: query_count(test.client, url, statuses) for url in urls}

    def assert_within_ceilings(found):
        over = {url: n for url, n in found.items() if n > (ceilings or {}).get(url, n)}
        test.assertEqual(over, {}, f"over the ceilings {ceilings}")

    for number in range(few):
        add(number)
    small = counts()
    assert_within_ceilings(small)
    for number in range(few, many):
        add(number)
    test.assertEqual(counts(), small)
    assert_within_ceilings(small)
