"""Health checks for a load balancer: is the process up, and can it serve pages?

They answer in plain words and never say what failed (the log does).
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """The process is up and answers."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    """The database and the cache answer: the site can serve pages."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        cache.set("readyz", "ok", timeout=10)
        if cache.get("readyz") != "ok":
            raise RuntimeError("the cache did not keep a value")
    except Exception:
        logger.exception("Not ready")
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
