"""The translator's journey, started by the translator alone, to an English page visitors read."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage
from tests.browser.translation_editor import translate_every_segment
from tests.factories import ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = {
    "Nuovo bando regionale per la ricerca": "New regional call for research",
    "La Regione apre un bando per progetti di ricerca clinica.": (
        "The Region opens a call for clinical research projects."
    ),
    "Le domande si presentano entro marzo.": "Applications are due by March.",
    "Bandi regionali": "Regional calls",
    "Ricercatori al lavoro in laboratorio": "Researchers at work in a laboratory",
    "nuovo-bando-regionale": "new-regional-call",
}


@pytest.fixture
def italian_news(demo_site):
    """A news item an editor wrote and a manager published, with a tag nobody translated yet."""
    index = NewsIndexPage.objects.get(locale__language_code="it")
    image = ImageFactory(description="Ricercatori al lavoro in laboratorio")
    item = NewsPage(
        title="Nuovo bando regionale per la ricerca",
        slug="nuovo-bando-regionale",
        summary="La Regione apre un bando per progetti di ricerca clinica.",
        image=image,
        body=[("paragraph", "<p>Le domande si presentano entro marzo.</p>")],
        locale=Locale.objects.get(language_code="it"),
    )
    index.add_child(instance=item)
    item.tags.add("Bandi regionali")
    item.save_revision().publish()
    return item


def test_the_translator_brings_a_news_item_to_english_and_a_manager_publishes_it(
    page, demo_site, italian_news, staff_login
):
    translator = staff_login("traduttore")
    panel = translator.locator("section", has_text="Da tradurre in English").first
    row = panel.locator("tr", has_text="Nuovo bando regionale per la ricerca")
    with translator.expect_navigation():
        row.get_by_role("button", name="Traduci").click()
    assert re.search(r"/admin/pages/\d+/edit/$", translator.url)
    assert translator.get_by_role("button", name="Elimina").count() == 0
    translate_every_segment(translator, ENGLISH)
    mail.outbox.clear()
    with translator.expect_navigation():
        translator.get_by_role("button", name="Invia per l'approvazione").click()
    assert "è stata inviata ai responsabili" in translator.content()
    english = italian_news.get_translation(Locale.objects.get(language_code="en"))
    assert not english.live
    manager_address = get_user_model().objects.get(username="responsabile").email
    assert any(manager_address in message.to for message in mail.outbox)

    manager = staff_login("responsabile")
    review = manager.locator("tr", has_text="New regional call for research")
    review.get_by_role("button", name="Azioni").click()
    with manager.expect_navigation():
        review.get_by_role("button", name="Approva", exact=True).click()
    english.refresh_from_db()
    assert english.live

    page.goto(f"{demo_site.url}/en/news/new-regional-call/")
    assert page.get_by_role("heading", level=1).inner_text() == "New regional call for research"
    assert 'alt="Researchers at work in a laboratory"' in page.content()
    text = page.locator("main").inner_text()
    assert "Regional calls" in text
    assert "Applications are due by March." in text
    for italian in ("Bandi regionali", "Nuovo bando", "Le domande", "La Regione"):
        assert italian not in text, italian
