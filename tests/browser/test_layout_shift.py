"""Nothing moves once a page has painted (Lighthouse's cumulative layout shift), on a phone."""

import time

import pytest

# In the SQLite pass with the other browser tests (make test).
pytestmark = pytest.mark.browser

# The layout shifts the page has recorded so far, unprompted ones only.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def slowly(route):
    # Scripts and images arrive well after the first paint, as on a slow phone network:
    # whatever they would change in the layout then shows as a shift.
    time.sleep(0.4)
    route.continue_()


@pytest.mark.parametrize(
    "path",
    [
        "/it/",
        "/en/",
        "/it/eventi/meet-in-italy-for-life-sciences-2018/",
        "/en/events/meet-in-italy-for-life-sciences-2018/",
        "/en/news/operating-plan-2018/",
    ],
)
def test_page_does_not_shift_while_loading_on_a_phone(mobile_page, demo_site, path):
    page = mobile_page
    page.route("**/*.{js,avif,webp,jpg,jpeg,png,svg}", slowly)
    page.goto(f"{demo_site.url}{path}", wait_until="load")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
