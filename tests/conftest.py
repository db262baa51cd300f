import os

import pytest
from django.conf import settings
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded test images go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test's content sends no
    signal, and rate limits and throttles count in the cache."""
    cache.clear()


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    return f"database: {engine} ({os.environ.get('DATABASE_URL', 'embedded SQLite')})"
