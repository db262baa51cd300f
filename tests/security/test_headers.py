"""The production settings' responses, graded as Mozilla's HTTP Observatory grades them."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.demo_pages import DEMO_PAGES
from tests.security.observatory import parse_csp, score
from tests.subprocesses import ThrowawayDatabases, manage, run_script

PROJECT = Path(settings.BASE_DIR)
SCRIPT = Path(__file__).parent / "scripts" / "production_responses.py"
PAGE_URLS = ["/it/", "/en/", *(url for url, _language in DEMO_PAGES)]


@pytest.fixture(scope="module")
def responses(tmp_path_factory):
    """Every public page type of the demo site, a document and the admin login, over HTTPS."""
    folder = tmp_path_factory.mktemp("observatory")
    databases = ThrowawayDatabases(folder)
    try:
        database = databases.create("observatory")
        media = {"MEDIA_ROOT": str(folder / "media")}
        manage(PROJECT, database, "migrate", "--noinput", env=media)
        manage(
            PROJECT,
            database,
            "build_demo_site",
            "--base-url",
            "https://www.clls.example",
            env=media,
        )
        production = {
            "DJANGO_SETTINGS_MODULE": "site_clls.settings.production",
            "SECRET_KEY": "a-long-random-value-used-only-by-this-test-0123456789-abcdefghij",
            "ALLOWED_HOSTS": "www.clls.example",
            "STATIC_ROOT": str(folder / "static"),
            **media,
        }
        manage(PROJECT, database, "collectstatic", "--noinput", env=production)
        yield run_script(PROJECT, database, SCRIPT, **production)
    finally:
        databases.drop_all()


def test_every_page_type_a_document_and_the_admin_login_score_at_least_95(responses):
    graded = [url for url in responses if not url.startswith("http:")]
    assert set(PAGE_URLS) <= set(graded)
    assert any(url.startswith("/documents/") for url in graded)
    assert "/admin/login/" in graded
    failures = {}
    for url in graded:
        response = responses[url]
        assert response["status"] in {200, 404}, (url, response["status"])
        total, results = score(response["headers"], response["cookies"])
        if total < 95:
            failures[url] = (total, [result for result in results if result[0] < 0])
    assert not failures, json.dumps(failures, indent=1)


def test_public_pages_have_one_static_policy_without_unsafe_sources(responses):
    policies = {responses[url]["headers"]["Content-Security-Policy"] for url in PAGE_URLS}
    assert len(policies) == 1, policies
    policy = parse_csp(policies.pop())
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    every_source = " ".join(" ".join(sources) for sources in policy.values())
    assert "unsafe" not in every_source
    assert "nonce" not in every_source


def test_other_headers_of_a_public_page(responses):
    headers = responses["/it/"]["headers"]
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "max-age=0"
    assert "camera=()" in headers["Permissions-Policy"]
    assert 'fullscreen=(self "https://www.youtube-nocookie.com"' in headers["Permissions-Policy"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert responses["http:/it/"]["headers"]["Location"] == "https://www.clls.example/it/"


def test_the_admin_is_never_cached_and_may_frame_its_previews(responses):
    headers = responses["/admin/login/"]["headers"]
    assert "no-store" in headers["Cache-Control"]
    assert "private" in headers["Cache-Control"]
    policy = parse_csp(headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_documents_download_sandboxed(responses):
    (url,) = [url for url in responses if url.startswith("/documents/")]
    headers = responses[url]["headers"]
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in parse_csp(headers["Content-Security-Policy"])


def test_no_inline_script_or_style_on_any_demo_page(responses):
    offences = []
    for url in PAGE_URLS:
        html = responses[url]["html"]
        assert "<main" in html, url
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):
            if not script.get("src") and script.get("type") != "application/ld+json":
                offences.append(f"{url}: inline script {str(script)[:80]}")
        offences += [f"{url}: <style>" for _style in soup.find_all("style")]
        offences += [f"{url}: style= on <{tag.name}>" for tag in soup.find_all(style=True)]
        offences += [
            f"{url}: {attribute}= on <{tag.name}>"
            for tag in soup.find_all(True)
            for attribute in tag.attrs
            if attribute.startswith("on")
        ]
    assert not offences, "\n".join(offences)
