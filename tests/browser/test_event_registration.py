"""The visitor's registration path in Chromium, in both languages, on the demo's example event."""

import re

import pytest
from django.core import mail
from icalendar import Calendar

from events.models import EventPage, Registration
from events.registration import service
from tests.browser.accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IT_EVENT = "/it/eventi/esempio-incontro-con-iscrizione/"
EN_EVENT = "/en/events/example-meeting-with-registration/"


def register(page, url, email, language):
    page.goto(url)
    if language == "it":
        page.get_by_role("link", name="Iscrivetevi").first.click()
        page.locator("#id_first_name").fill("Anna")
        page.locator("#id_last_name").fill("Rossi")
        page.locator("#id_email").fill(email)
        page.get_by_label("Ho letto l'informativa").check()
        button = "Iscrivetevi"
    else:
        page.get_by_role("link", name=re.compile("Register|Join the waiting list")).first.click()
        page.locator("#id_first_name").fill("Ben")
        page.locator("#id_last_name").fill("Smith")
        page.locator("#id_email").fill(email)
        page.get_by_label("I have read the privacy notice").check()
        button = "Register"
    assert axe_violations(page) == []
    page.wait_for_timeout(3200)
    page.get_by_role("button", name=button).click()


def test_register_in_both_languages_then_a_cancellation_promotes_the_first_waiting(page, demo_site):
    register(page, demo_site.url + IT_EVENT, "anna@example.org", "it")
    assert "È stata inviata una conferma a anna@example.org" in page.content()
    register(page, demo_site.url + EN_EVENT, "ben@example.org", "en")
    assert "A confirmation has been sent to ben@example.org" in page.content()
    # Three more seats taken, and the example's five seats are gone.
    source = EventPage.objects.get(slug="esempio-incontro-con-iscrizione")
    for n in range(3):
        service.register(
            source,
            data={"first_name": "P", "last_name": str(n), "email": f"p{n}@example.org"},
            answers={},
            language="it",
            consent_text="consent",
        )
    register(page, demo_site.url + EN_EVENT, "carla@example.org", "en")
    carla = Registration.objects.get(email="carla@example.org")
    assert carla.status == "waiting"
    waiting_mail = next(m for m in mail.outbox if m.to == ["carla@example.org"])
    assert "place 1" in waiting_mail.body

    confirmation = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    (_name, content, _type) = confirmation.attachments[0]
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]).startswith("Esempio")
    link = re.search(r"http\S+/annulla/\S+/", confirmation.body).group(0)
    page.goto(link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Annulla la mia iscrizione").click()
    assert "La vostra iscrizione è stata annullata" in page.content()
    carla.refresh_from_db()
    assert carla.status == "confirmed"
    promotion = [m for m in mail.outbox if m.to == ["carla@example.org"]][-1]
    assert promotion.subject.startswith("A seat is yours")
