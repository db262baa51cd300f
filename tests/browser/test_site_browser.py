"""What only a browser shows: switching language, the mobile menu, accessibility."""

import re

import pytest

from services.models import ServiceRequest
from tests.browser.accessibility import axe_violations
from tests.demo_pages import DEMO_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_language_switcher_leads_from_italian_to_english_and_back(page, demo_site):
    page.goto(f"{demo_site.url}/it/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Lingua").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Lombardy Life Sciences Cluster"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Italiano").click()
    page.wait_for_url(re.compile(r"/it/$"))


@pytest.mark.parametrize(("path", "lang"), DEMO_PAGES)
def test_pages_have_no_accessibility_violations(page, demo_site, path, lang):
    page.goto(f"{demo_site.url}{path}")
    assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(page) == []


def test_mobile_menu_opens_and_closes(mobile_page, demo_site):
    page = mobile_page
    page.goto(f"{demo_site.url}/en/")
    toggle = page.get_by_role("button", name="Menu")
    menu_link = page.get_by_role("link", name="About us")
    assert toggle.is_visible()
    assert not menu_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu_link.is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu_link.is_visible()


def test_skip_link_appears_on_first_tab_and_moves_focus(page, demo_site):
    page.goto(f"{demo_site.url}/it/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Andate al contenuto")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_axe_reports_a_real_violation(page):
    page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
    assert any(line.startswith("image-alt") for line in axe_violations(page))


def test_visitor_sends_a_request_in_english_and_it_is_stored(page, demo_site):
    page.goto(f"{demo_site.url}/en/services/sportello-europa/")
    page.get_by_label("Full name").fill("Anna Rossi")
    page.get_by_label("Organisation").fill("Example Lab")
    page.get_by_label("E-mail").fill("anna@example.org")
    page.get_by_label("Topic").select_option("Internationalisation")
    page.get_by_label("I have read the privacy notice").check()
    # The form refuses what is sent within seconds of loading (a bot's pace).
    page.wait_for_timeout(3200)
    page.get_by_role("button", name="Send the request").click()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Thank you, your request has been sent"
    )
    request = ServiceRequest.objects.get()
    assert request.language == "en"
    assert request.form_data["argomento"] == "Internationalisation"
    assert axe_violations(page) == []


def test_what_we_do_opens_the_pillars_from_the_keyboard(page, demo_site):
    page.goto(f"{demo_site.url}/it/")
    toggle = page.get_by_role("button", name="Cosa facciamo", exact=True)
    menu = page.get_by_role("navigation", name="Menu principale")
    pillar = menu.get_by_role("link", name="Experience Sharing & Community")
    assert not pillar.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert pillar.is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not pillar.is_visible()
    toggle.click()
    pillar.click()
    page.wait_for_url(re.compile(r"/it/experience-sharing-community/$"))
