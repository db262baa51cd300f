"""WSGI entry point; gunicorn serves `site_clls.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_clls.settings.production")

application = get_wsgi_application()
