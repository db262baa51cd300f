"""A fixed 20 KB response, the yardstick `make bench` measures the site's pages against.

Served only where BENCH_FIXED_RESPONSE is on (the benchmark's own gunicorn); never
part of the production URLs by default.
"""

from django.http import HttpResponse

FIXED_BODY = ("<!DOCTYPE html><title>fixed</title>" + ("<p>" + "x" * 96 + "</p>\n") * 200)[:20480]


def fixed_response(request):
    """The same 20 KB of HTML every time, with no database and no template."""
    return HttpResponse(FIXED_BODY, content_type="text/html; charset=utf-8")
