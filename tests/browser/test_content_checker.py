"""The accessibility checker Wagtail's userbar runs for editors finds nothing on demo pages.

This is Wagtail's own checker, not a copy of its configuration: an editor opens each
page, the userbar runs axe-core with Wagtail's rules (ContentCheckerItem's
get_axe_configuration, custom checks included) and shows how many problems it found.
"""

import pytest

from tests.demo_pages import DEMO_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Missing pages have no userbar; every other page type, in both languages.
CHECKED_PAGES = [path for path, _ in DEMO_PAGES if "missing" not in path and "mancante" not in path]
COUNT = "wagtail-userbar [data-content-checker-count]"


def checker_report(page):
    """The number of problems the userbar's checker found, and their names."""
    count = page.locator(COUNT).first
    # The count is empty until axe has run on the page.
    page.wait_for_function(
        """selector => {
            const bar = document.querySelector("wagtail-userbar");
            const count = bar && bar.shadowRoot && bar.shadowRoot.querySelector(selector);
            return count && count.textContent.trim() !== "";
        }""",
        arg="[data-content-checker-count]",
        timeout=20000,
    )
    names = page.locator("wagtail-userbar [data-content-checker-name]").all_inner_texts()
    return int(count.text_content()), names


def axe_targets(messages):
    """The elements the checker's axe run blamed, as Wagtail logs them to the console."""
    targets = []
    for message in messages:
        if message.text.startswith("axe.run results"):
            for violation in message.args[1].json_value():
                targets += [(violation["id"], node["target"]) for node in violation["nodes"]]
    return targets


def test_userbar_checker_finds_nothing_on_any_demo_page(staff_login, demo_site):
    page = staff_login("redattore")
    messages = []
    page.on("console", lambda message: messages.append(message))
    problems = {}
    for path in CHECKED_PAGES:
        messages.clear()
        page.goto(f"{demo_site.url}{path}")
        found, names = checker_report(page)
        if found:
            problems[path] = (found, names, axe_targets(messages))
    assert problems == {}


def test_userbar_checker_counts_a_real_problem(staff_login, demo_site):
    page = staff_login("redattore")
    url = f"{demo_site.url}/it/"
    # The home page with an empty link and an empty heading added, as served.
    page.route(
        url,
        lambda route: route.fulfill(
            response=(served := route.fetch()),
            body=served.text().replace("</main>", '<a href="/x/"></a><h2></h2></main>'),
        ),
    )
    page.goto(url)
    found, names = checker_report(page)
    assert found >= 2
    assert len(names) >= 2
