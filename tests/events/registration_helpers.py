"""An event with on-site registration in both languages, and a visitor who registers."""

import time

from django.core import signing

from events.models import EventPage, RegistrationSettings
from events.registration.forms import TIMESTAMP_SALT
from home.models import StandardPage
from tests.factories import RegistrationQuestionFactory
from tests.sites import BilingualSiteTestCase


def token(seconds_ago=10):
    return signing.dumps(int(time.time()) - seconds_ago, salt=TIMESTAMP_SALT)


def form_data(email="anna@example.org", **overrides):
    return {
        "first_name": "Anna",
        "last_name": "Rossi",
        "email": email,
        "organisation": "Università di Milano",
        "q_esigenze_alimentari": "Nessuna",
        "privacy_consent": "on",
        "website_url": "",
        "form_token": token(),
        **overrides,
    }


class RegistrationTestCase(BilingualSiteTestCase):
    """A workshop of the cluster with two seats and a waiting list, in Italian and English."""

    capacity = 2
    waiting_list = True

    @classmethod
    def build(cls, tree):
        privacy = tree.add(StandardPage, title="Privacy", slug="privacy")
        cls.event = tree.add(
            EventPage,
            title="Workshop sulle biobanche",
            slug="workshop-biobanche",
            registration_mode="on_site",
            registration_message="Portate un documento.",
            privacy_page=privacy,
            translate=False,
        )
        RegistrationQuestionFactory(page=cls.event, label="Esigenze alimentari")
        cls.en_event = tree.translate(cls.event)
        cls.record = RegistrationSettings.objects.create(
            event=cls.event, capacity=cls.capacity, waiting_list=cls.waiting_list
        )
        cls.it_url = cls.event.url + "iscrizione/"
        cls.en_url = cls.en_event.url + "register/"

    def register(self, email="anna@example.org", *, url=None, **overrides):
        return self.client.post(url or self.it_url, form_data(email, **overrides))
