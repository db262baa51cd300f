"""Counting the database queries of a page, the way the query-count tests need it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url, statuses=(200,)):
    """Queries of a second request to `url` (the first warms Wagtail's per-process caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in statuses, (url, response.status_code)
    return len(queries)


def assert_queries_do_not_grow(test, urls, add, *, few=1, many=30, statuses=(200,)):
    """Each of `urls` issues as many queries once `add(number)` made `few` items as `many`."""

    def counts():
        return {url: query_count(test.client, url, statuses) for url in urls}

    for number in range(few):
        add(number)
    small = counts()
    for number in range(few, many):
        add(number)
    test.assertEqual(counts(), small)
