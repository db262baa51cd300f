import os

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded test images go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    return f"database: {engine} ({os.environ.get('DATABASE_URL', 'embedded SQLite')})"
