"""The editor's journey with the Content-Security-Policy enforced: nothing is blocked."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every frame (the admin, its preview, the public page) records what its policy blocked.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${where}`);
});
"""


def watch(page):
    """Collect the policy's complaints from the console and from every frame's events."""
    complaints = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return complaints


def violations(page):
    return [
        violation
        for frame in page.frames
        for violation in frame.evaluate("window.cspViolations || []")
    ]


def test_editor_creates_previews_and_publishes_news_without_policy_violations(
    page, demo_site, staff_login
):
    index = NewsIndexPage.objects.get(locale__language_code="it")
    manager = staff_login("responsabile")
    complaints = watch(manager)

    manager.goto(f"{demo_site.url}/admin/pages/add/news/newspage/{index.pk}/")
    assert manager.evaluate("Array.isArray(window.cspViolations)")
    manager.fill("#id_title", "Bando per le startup biomediche")
    manager.fill("#id_summary", "Un bando dedicato alle startup biomediche lombarde.")
    manager.get_by_role("tab", name="Promuovi").click()
    # A locator assertion, not a string predicate: Playwright evaluates those with
    # eval(), which the admin's policy rightly refuses once it has to poll.
    expect(manager.locator("#id_slug")).not_to_have_value("", timeout=15_000)
    manager.fill("#id_slug", "bando-startup-biomediche")

    manager.locator("[data-side-panel-toggle='preview']").click()
    preview = manager.frame_locator("#w-preview-iframe")
    heading = preview.get_by_role("heading", level=1)
    heading.wait_for(timeout=15_000)
    assert heading.inner_text() == "Bando per le startup biomediche"
    # The preview is styled by the site's stylesheet, which the admin's policy let load.
    assert preview.locator("link[rel=stylesheet]").count() >= 1
    assert preview.locator("main").evaluate("el => getComputedStyle(el).display") != ""

    manager.locator("[data-w-dropdown-target='toggle']").last.click()
    with manager.expect_navigation():
        manager.locator("button[name='action-publish']").click()
    item = NewsPage.objects.get(slug="bando-startup-biomediche")
    assert item.live

    visitor_complaints = watch(page)
    page.goto(f"{demo_site.url}/it/notizie/bando-startup-biomediche/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bando per le startup biomediche"
    # The site's script ran (it swaps no-js for js): scripts from 'self' are allowed.
    assert page.evaluate("document.documentElement.classList.contains('js')")

    assert "default-src 'self'" in (page.request.get(page.url).headers["content-security-policy"])
    assert violations(manager) == []
    assert violations(page) == []
    # The signed-in editor sees the public page with Wagtail's user bar, under the same policy.
    manager.goto(page.url)
    manager.locator("wagtail-userbar").wait_for(state="attached")
    manager.wait_for_load_state("networkidle")
    assert violations(manager) == []
    assert [c for c in complaints + visitor_complaints if re.search(r"[Rr]efused", c)] == []
