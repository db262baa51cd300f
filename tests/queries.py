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
