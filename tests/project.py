"""What the project itself defines, as opposed to Django, Wagtail and other packages."""

from pathlib import Path

from django.apps import apps
from django.conf import settings


def project_app_labels():
    """The labels of the apps whose code lives in this checkout, however many there are."""
    base = Path(settings.BASE_DIR)
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base)
        and not Path(config.path).is_relative_to(base / ".venv")
    }
