"""Playwright on Debian's Chromium, against pytest-django's live server."""

import os
import shutil
from contextlib import ExitStack
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from demo.builder import DemoSiteBuilder

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = (
            f"Chromium is not installed at {CHROMIUM} (make test installs it when run as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # live server makes happen in its own thread, but fixtures touch the ORM here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Opens pages in fresh contexts (each with its own cookies), all closed after the test."""
    with ExitStack() as contexts:

        def open_page(width=1280, height=900):
            context = browser.new_context(viewport={"width": width, "height": height})
            contexts.callback(context.close)
            return context.new_page()

        yield open_page


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def mobile_page(new_page):
    return new_page(width=375, height=740)


@pytest.fixture
def demo_site(live_server):
    """The demo site, built in the live server's database."""
    call_command("build_demo_site", base_url=live_server.url, stdout=StringIO())
    return live_server


@pytest.fixture
def staff_login(new_page, demo_site):
    """Log a demo user into the admin in a page of their own; returns that page."""

    def login(username):
        page = new_page()
        page.goto(f"{demo_site.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DemoSiteBuilder.local_password(username))
        with page.expect_navigation():
            page.click("button[type=submit]")
        return page

    return login
