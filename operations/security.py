"""Security headers: one static policy for the public pages, another for the admin.

Public pages will be served from a page cache, so their Content-Security-Policy is
the same for every visitor (no nonce): no inline script or style is allowed there.
The admin is never cached; Wagtail's own templates still carry a few inline
scripts, so each admin response allows exactly those, by their SHA-256 hashes.
Browsers report what a policy blocked to `csp_report`, which logs it.
"""

import base64
import hashlib
import json
import logging
import re

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from operations.ratelimit import RateLimit

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
# Inline <script> elements that a browser runs: no type, or a JavaScript type.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
SCRIPT_TYPE = re.compile(r"""\stype=["']?([^"'\s>]+)""", re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def is_admin(request):
    return request.path_info.startswith(ADMIN_PREFIX)


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def inline_script_hashes(html):
    """The CSP hash sources of the inline scripts a browser would run in `html`."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = SCRIPT_TYPE.search(match["attrs"])
        if (kind.group(1).lower() if kind else "") not in JAVASCRIPT_TYPES:
            continue  # JSON, JSON-LD and templates are data, not scripts
        digest = hashlib.sha256(match["body"].encode()).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's own policy (ADMIN_CONTENT_SECURITY_POLICY)."""

    def process_response(self, request, response):
        if is_admin(request):
            # A preview renders the page through the middleware again, as if it were public:
            # the policy of the admin, which frames it, replaces the public one.
            del response[HEADER]
            del response[HEADER_REPORT_ONLY]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = (
            "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        )
        if not getattr(settings, setting, None) or not is_admin(request):
            return parts
        if parts.config is None:
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if is_html(response) and not response.streaming:
            hashes = inline_script_hashes(response.content.decode(response.charset, "replace"))
            if hashes:
                parts.update = {**(parts.update or {}), "script-src": hashes}
        return parts


class CacheControlMiddleware:
    """HTML says how it may be cached: the admin never; public pages revalidated.

    A public page gets `max-age=0` unless its view said otherwise (a page cache in
    front may serve it longer); a page shown to a signed-in user, or one that sets a
    cookie (a form's CSRF token), is private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_html(response):
            return response
        if is_admin(request):
            patch_cache_control(response, private=True, no_store=True)
        elif "Cache-Control" not in response:
            user = getattr(request, "user", None)
            if response.cookies or (user is not None and user.is_authenticated):
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, max_age=0)
        return response


REPORT_LIMIT = RateLimit("csp-report", limit=60, period=60)
REPORT_MAX_BYTES = 16 * 1024
REPORTED_FIELDS = ("document-uri", "violated-directive", "effective-directive", "blocked-uri")


def _reports(body):
    """The violation reports in a body of either format (report-uri or Reporting API)."""
    data = json.loads(body)
    if isinstance(data, dict) and "csp-report" in data:
        return [data["csp-report"]]
    if isinstance(data, list):
        return [item.get("body", {}) for item in data if isinstance(item, dict)]
    return []


@csrf_exempt
@require_POST
def csp_report(request):
    """Log the violations a browser reports; 204 always, 429 past the rate limit."""
    if not REPORT_LIMIT.hit(request):
        return HttpResponse(status=429)
    if int(request.META.get("CONTENT_LENGTH") or 0) > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    try:
        reports = _reports(request.read(REPORT_MAX_BYTES + 1)[:REPORT_MAX_BYTES])
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    for report in reports[:10]:
        if not isinstance(report, dict):
            continue
        fields = {
            name: str(report.get(name) or report.get(_camel(name)) or "")[:500]
            for name in REPORTED_FIELDS
        }
        logger.warning("Content-Security-Policy violation: %s", json.dumps(fields))
    return HttpResponse(status=204)


def _camel(name):
    """The Reporting API's name of a report-uri field: blocked-uri → blockedURL and kin."""
    return {
        "document-uri": "documentURL",
        "violated-directive": "effectiveDirective",
        "effective-directive": "effectiveDirective",
        "blocked-uri": "blockedURL",
    }[name]
