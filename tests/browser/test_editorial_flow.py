"""The Italian-to-English publishing flow, as the three roles live it in the admin."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
from tests.browser.translation_editor import translate_every_segment
from tests.sites import ENGLISH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_action_menu(page):
    page.locator("[data-w-dropdown-target='toggle']").last.click()


def test_news_goes_from_editor_to_manager_to_translator_to_visitors(page, demo_site, staff_login):
    index = NewsIndexPage.objects.get(locale__language_code="it")

    editor = staff_login("redattore")
    editor.goto(f"{demo_site.url}/admin/pages/add/news/newspage/{index.pk}/")
    editor.fill("#id_title", "Nuovo bando per le biobanche")
    editor.fill("#id_summary", "Un bando dedicato alle biobanche lombarde.")
    editor.get_by_role("tab", name="Promuovi").click()
    # Wagtail fills the slug from the title as the editor types; set ours after it.
    # A locator assertion, not a string predicate: Playwright evaluates those with
    # eval(), which the admin's policy rightly refuses once it has to poll.
    expect(editor.locator("#id_slug")).not_to_have_value("", timeout=15_000)
    editor.fill("#id_slug", "nuovo-bando-biobanche")
    open_action_menu(editor)
    assert editor.locator("button[name='action-publish']").count() == 0
    with editor.expect_navigation():
        editor.locator("button[name='action-submit']").click()
    item = NewsPage.objects.get(title="Nuovo bando per le biobanche")
    assert item.slug == "nuovo-bando-biobanche"
    assert not item.live
    assert item.current_workflow_state.status == "in_progress"

    manager = staff_login("responsabile")
    manager.goto(f"{demo_site.url}/admin/pages/{item.pk}/edit/")
    open_action_menu(manager)
    approve = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    with manager.expect_navigation():
        manager.locator(approve).click()
    item.refresh_from_db()
    assert item.live

    translator = staff_login("traduttore")
    translator.goto(f"{demo_site.url}/admin/localize/submit/page/{item.pk}/")
    translator.get_by_label("English").check()
    with translator.expect_navigation():
        translator.get_by_role("button", name="Invia").click()
    english_id = int(re.search(r"/pages/(\d+)/edit", translator.url).group(1))
    translate_every_segment(translator, ENGLISH)
    assert translator.get_by_role("button", name="Pubblica in English").count() == 0
    english_item = NewsPage.objects.get(pk=english_id)
    assert not english_item.live

    manager.goto(f"{demo_site.url}/admin/pages/{english_id}/edit/")
    with manager.expect_navigation():
        manager.get_by_role("button", name="Pubblica in English").click()

    page.goto(f"{demo_site.url}/it/notizie/nuovo-bando-biobanche/")
    assert page.get_by_role("heading", level=1).inner_text() == "Nuovo bando per le biobanche"
    page.get_by_role("navigation", name="Lingua").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/news/new-call-for-biobanks/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "New call for biobanks"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Italiano").click()
    page.wait_for_url(re.compile(r"/it/notizie/nuovo-bando-biobanche/$"))
