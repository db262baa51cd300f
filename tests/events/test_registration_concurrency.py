"""Twenty people racing for the last three seats on PostgreSQL: never one seat too many."""

import threading
import unittest

import pytest
from django.db import connection, connections
from django.test import TransactionTestCase

from events.choices import RegistrationStatus
from events.models import EventPage, Registration, RegistrationSettings
from events.registration import service
from tests.sites import build_bilingual_site

pytestmark = pytest.mark.postgres

RACERS = 20
SEATS_LEFT = 3


class LastSeatsRaceTests(TransactionTestCase):
    def setUp(self):
        if connection.vendor != "postgresql":
            raise unittest.SkipTest(
                "needs PostgreSQL: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/"
                "registration (the test database is test_registration)"
            )
        tree = build_bilingual_site()
        self.event = tree.add(EventPage, registration_mode="on_site", translate=False)
        RegistrationSettings.objects.create(event=self.event, capacity=10, waiting_list=True)
        # The one test of the class: the database is flushed (root page included) after it.
        for n in range(10 - SEATS_LEFT - 1):
            self.take_seat(f"early{n}@example.org")

    def take_seat(self, email):
        return service.register(
            self.event,
            data={"first_name": "A", "last_name": "B", "email": email},
            answers={},
            language="it",
            consent_text="consent",
        )

    def race(self, emails):
        barrier = threading.Barrier(len(emails))
        errors = []

        def racer(email):
            try:
                barrier.wait()
                self.take_seat(email)
            # Any error is reported by the assertion of the test.
            except Exception as error:
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=racer, args=(email,)) for email in emails]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return errors

    def test_simultaneous_registrations_never_oversell(self):
        # The same address sent twice at once takes one seat…
        self.assertEqual(self.race(["twice@example.org"] * 2), [])
        self.assertEqual(Registration.objects.filter(email="twice@example.org").count(), 1)
        # …and twenty people racing for the last three seats get three.
        errors = self.race([f"racer{n}@example.org" for n in range(RACERS)])
        self.assertEqual(errors, [])
        statuses = Registration.objects.filter(email__startswith="racer")
        self.assertEqual(statuses.filter(status=RegistrationStatus.CONFIRMED).count(), SEATS_LEFT)
        self.assertEqual(
            statuses.filter(status=RegistrationStatus.WAITING).count(), RACERS - SEATS_LEFT
        )
        self.assertEqual(Registration.objects.confirmed().count(), 10)
        self.assertTrue(RegistrationSettings.objects.get().is_full)
