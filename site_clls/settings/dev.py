"""Local development and the demo site: throwaway secret, mail printed to the console.

DEBUG is off unless DEBUG=true is set, so that `make run` shows the site as
visitors see it, error pages included. WhiteNoise serves the static files
straight from their sources and Django serves uploaded media.
"""

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG")  # noqa: F405
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
