"""Dates as the staff type them in the admin's date picker."""

import pytest

from news.models import NewsPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_typed_date_stays_as_typed_when_the_field_loses_focus(demo_site, staff_login):
    item = NewsPage.objects.filter(locale__language_code="it").first()
    editor = staff_login("redattore")
    editor.goto(f"{demo_site.url}/admin/pages/{item.pk}/edit/")
    date = editor.locator("#id_date")
    assert date.input_value() == item.date.strftime("%d/%m/%Y")
    for typed in ("15/01/2025", "32/13/2025"):
        date.fill(typed)
        editor.locator("#id_title").click()
        editor.wait_for_timeout(300)
        assert date.input_value() == typed
