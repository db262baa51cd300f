"""The site's URLs plus a view that fails, to exercise the 500 handler."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from site_clls.urls import handler404, handler500, urlpatterns  # noqa: F401


def broken_view(request):
    raise RuntimeError("A deliberate failure for the 500 page test.")


urlpatterns = i18n_patterns(path("guasto/", broken_view)) + urlpatterns
