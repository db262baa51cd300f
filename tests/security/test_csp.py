"""The policies' switches, the admin's hashes and the report endpoint (test settings)."""

import json

import pytest
from django.core.cache import cache
from django.test import override_settings

from operations.security import inline_script_hashes
from site_clls.settings import base
from tests.security.observatory import parse_csp
from tests.test_settings import DOCUMENTED_ENV, run_python

pytestmark = pytest.mark.django_db

REPORT = {
    "csp-report": {
        "document-uri": "https://www.clls.example/it/",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
    }
}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def post_report(client, body, **extra):
    return client.post("/csp-report/", body, content_type="application/csp-report", **extra)


def test_a_violation_report_is_logged(client, caplog):
    response = post_report(client, json.dumps(REPORT))
    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "operations.security"]
    assert "script-src-elem" in record.getMessage()
    assert "https://www.clls.example/it/" in record.getMessage()


def test_reports_of_the_reporting_api_are_logged_too(client, caplog):
    body = [{"type": "csp-violation", "body": {"blockedURL": "https://evil.example/x.js"}}]
    response = client.post(
        "/csp-report/", json.dumps(body), content_type="application/reports+json"
    )
    assert response.status_code == 204
    assert "https://evil.example/x.js" in caplog.text


def test_reports_are_rate_limited_per_address(client, caplog):
    statuses = [post_report(client, json.dumps(REPORT)).status_code for _ in range(61)]
    assert statuses[:60] == [204] * 60
    assert statuses[60] == 429
    other = post_report(client, json.dumps(REPORT), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 204


def test_oversized_and_malformed_reports_are_refused_without_logging(client, caplog):
    huge = json.dumps({"csp-report": {"document-uri": "x" * 20_000}})
    assert post_report(client, huge).status_code == 413
    assert post_report(client, "{not json").status_code == 400
    assert client.get("/csp-report/").status_code == 405
    assert "violation" not in caplog.text


def test_public_pages_enforce_and_admin_adds_hashes_of_its_inline_scripts(client, admin_user):
    public = client.get("/robots.txt")
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    client.force_login(admin_user)
    response = client.get("/admin/")
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    expected = inline_script_hashes(response.content.decode())
    assert set(expected) <= set(policy["script-src"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_inline_script_hashes_skip_data_blocks_and_external_scripts():
    html = (
        "<script>go()</script><script src='/x.js'></script>"
        '<script type="application/json">{}</script><script type="application/ld+json">{}</script>'
    )
    # The sha256 of "go()", base64-encoded, as browsers compute hash sources.
    assert inline_script_hashes(html) == ["'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]


def test_report_only_mode_sends_the_same_policy_as_a_report(client):
    report_only = {"DIRECTIVES": base.CONTENT_SECURITY_POLICY["DIRECTIVES"]}
    with override_settings(
        CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=report_only
    ):
        response = client.get("/robots.txt")
    assert "Content-Security-Policy" not in response
    assert "default-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_csp_report_only_variable_switches_the_settings():
    code = """
        import django; django.setup()
        from django.conf import settings
        print(settings.CONTENT_SECURITY_POLICY is None,
              "default-src" in settings.CONTENT_SECURITY_POLICY_REPORT_ONLY["DIRECTIVES"])
    """
    env = {k: v for k, v in DOCUMENTED_ENV.items() if k not in {"DATABASE_URL", "CACHE_URL"}}
    result = run_python(code, env | {"CSP_REPORT_ONLY": "true"})
    assert result.stdout.split() == ["True", "True"], result.stderr
