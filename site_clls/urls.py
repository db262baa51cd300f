from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from operations import benchmark, health, security, uploads
from search import errors
from search import views as search_views
from search.sitemaps import MultilingualSitemap

handler400 = "search.errors.bad_request"
handler404 = "search.errors.page_not_found"
handler500 = "search.errors.server_error"

# The admin, documents, sitemap and robots.txt stay outside the language prefixes.
urlpatterns = [
    path("healthz/", health.healthz, name="healthz"),
    path("readyz/", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("csp-report/", security.csp_report, name="csp_report"),
    # Documents always download, sandboxed (operations.uploads); Wagtail's other routes follow.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        uploads.serve_document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", search_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            uploads.serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

if settings.BENCH_FIXED_RESPONSE:
    # The benchmark's yardstick (tests/benchmarks/bench.py); off unless asked for.
    urlpatterns += [path("bench/fixed/", benchmark.fixed_response, name="bench_fixed")]

if settings.DEBUG:
    urlpatterns += [
        path("404/", errors.page_not_found, {"exception": None}),
        path("500/", errors.server_error),
    ]

# Wagtail's catch-all page route comes last, inside the language prefixes;
# the search's path is translated (/it/cerca/, /en/search/) and hides any
# page with that slug at the top of the tree.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
