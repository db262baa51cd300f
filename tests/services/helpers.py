"""A service page with a request form in both languages, and a visitor who fills it in."""

import time

from django.core import signing

from home.models import StandardPage
from services.forms import TIMESTAMP_SALT
from services.models import ServicePage
from tests.factories import ServiceFormFieldFactory
from tests.sites import BilingualSiteTestCase


def token(seconds_ago=10):
    return signing.dumps(int(time.time()) - seconds_ago, salt=TIMESTAMP_SALT)


class BrokenEmailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The SMTP server is not answering.")


class ServiceFormTestCase(BilingualSiteTestCase):
    """The Sportello Europa page with its form (name, e-mail, topic), translated."""

    @classmethod
    def build(cls, tree):
        privacy = tree.add(StandardPage, title="Privacy", slug="privacy")
        cls.service = tree.add(
            ServicePage,
            title="Sportello Europa",
            slug="sportello-europa",
            privacy_page=privacy,
            translate=False,
        )
        ServiceFormFieldFactory(page=cls.service, label="Nome e cognome", sort_order=0)
        ServiceFormFieldFactory(page=cls.service, label="E-mail", field_type="email", sort_order=1)
        ServiceFormFieldFactory(
            page=cls.service,
            label="Argomento",
            field_type="dropdown",
            choices="Bandi europei\nInternazionalizzazione",
            sort_order=2,
        )
        cls.en_service = tree.translate(cls.service)

    def post(self, url, **overrides):
        data = {
            "nome_e_cognome": "Anna Rossi",
            "e_mail": "anna@example.org",
            "argomento": "Bandi europei",
            "privacy_consent": "on",
            "website_url": "",
            "form_token": token(),
        }
        data.update(overrides)
        return self.client.post(url, {k: v for k, v in data.items() if v is not None})
