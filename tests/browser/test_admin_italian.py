"""The translation editor in Italian, where wagtail-localize's JavaScript writes English."""

import pytest
from wagtail.models import Locale

from home.models import StandardPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_translation_editor_labels_are_italian(staff_login, demo_site):
    english_about = StandardPage.objects.get(
        locale=Locale.objects.get(language_code="en"), slug="about"
    )
    page = staff_login("traduttore")
    page.goto(f"{demo_site.url}/admin/pages/{english_about.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    heading = editor.get_by_role("heading", name="Traduzione da Italiano a English")
    heading.wait_for()
    text = editor.text_content()
    assert "More actions" not in text
    assert " to English translation" not in text
    assert "Altre azioni" in text
