"""On-site event registration: seats, waiting list, e-mails, cancel links, the page's state."""

import datetime
import json
import re

from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.choices import RegistrationState, RegistrationStatus
from events.models import EventPage, Registration, RegistrationSettings, next_change
from events.registration import service
from home import lookups
from operations import personal_data
from operations.models import OutgoingEmail
from tests.events.registration_helpers import RegistrationTestCase, token
from tests.queries import DETAIL_BUDGET, INDEX_BUDGET, assert_queries_do_not_grow


def cancel_link(message):
    return re.search(r"https?://\S+/(?:annulla|cancel)/\S+/", message.body).group(0)


class VisitorRegistrationTests(RegistrationTestCase):
    def test_italian_visitor_registers_and_gets_an_italian_email_with_the_calendar(self):
        response = self.register()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "È stata inviata una conferma a anna@example.org")
        registration = Registration.objects.get()
        self.assertEqual(registration.event, self.event)
        self.assertEqual(registration.status, RegistrationStatus.CONFIRMED)
        self.assertEqual(registration.language, "it")
        self.assertEqual(registration.answers, {"esigenze_alimentari": "Nessuna"})
        self.assertIn("informativa", registration.consent_text)
        [message] = mail.outbox
        self.assertEqual(message.to, ["anna@example.org"])
        self.assertIn("Iscrizione confermata", message.subject)
        self.assertIn("Portate un documento.", message.body)
        self.assertIn("/it/eventi/workshop-biobanche/iscrizione/annulla/", message.body)
        [(_filename, content, mimetype)] = message.attachments
        self.assertEqual(mimetype, "text/calendar")
        calendar = Calendar.from_ical(content)
        self.assertEqual(str(calendar.walk("VEVENT")[0]["summary"]), "Workshop sulle biobanche")

    def test_english_visitor_registers_in_english_against_the_same_seats(self):
        self.register("it@example.org")
        response = self.register("en@example.org", url=self.en_url)
        self.assertContains(response, "A confirmation has been sent to en@example.org")
        english = Registration.objects.get(email="en@example.org")
        self.assertEqual(english.event, self.event)
        self.assertEqual(english.language, "en")
        message = mail.outbox[-1]
        self.assertIn("Registration confirmed: EN Workshop sulle biobanche", message.subject)
        self.assertIn("/en/events/", cancel_link(message))
        self.record.refresh_from_db()
        self.assertTrue(self.record.is_full)

    def test_the_form_speaks_the_visitors_language_and_is_neither_cached_nor_indexed(self):
        response = self.client.get(self.en_url)
        html = response.content.decode()
        self.assertIn('<html lang="en"', html)
        self.assertIn("EN Esigenze alimentari", html)
        self.assertIn('<meta name="robots" content="noindex">', html)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("2 seats left", html)
        self.assertIn("/en/privacy", html)
        italian = self.page_html(self.it_url)
        self.assertIn("Esigenze alimentari", italian)
        self.assertIn("2 posti liberi", italian)

    def test_each_language_route_lives_only_on_its_own_page(self):
        self.assertEqual(self.client.get(self.event.url + "register/").status_code, 404)
        self.assertEqual(self.client.get(self.en_event.url + "iscrizione/").status_code, 404)

    def test_when_full_people_join_the_waiting_list_and_learn_their_place(self):
        self.register("a@example.org")
        self.register("b@example.org")
        self.register("c@example.org")
        self.register("d@example.org", url=self.en_url)
        waiting = Registration.objects.waiting()
        self.assertEqual([r.email for r in waiting], ["c@example.org", "d@example.org"])
        self.assertIn("posto 1", mail.outbox[2].body)
        self.assertIn("place 2", mail.outbox[3].body)
        self.assertEqual(mail.outbox[3].attachments, [])
        self.assertContains(self.client.get(self.it_url), "lista d'attesa aperta")

    def test_cancel_link_asks_first_then_gives_the_seat_to_the_first_waiting(self):
        for email in ("a@example.org", "b@example.org", "c@example.org"):
            self.register(email)
        link = cancel_link(mail.outbox[0])
        response = self.client.get(link)
        self.assertContains(response, "Annulla la mia iscrizione")
        self.assertEqual(Registration.objects.confirmed().count(), 2)
        mail.outbox.clear()
        response = self.client.post(link)
        self.assertContains(response, "La vostra iscrizione è stata annullata")
        first = Registration.objects.get(email="a@example.org")
        self.assertEqual(first.status, RegistrationStatus.CANCELLED)
        promoted = Registration.objects.get(email="c@example.org")
        self.assertEqual(promoted.status, RegistrationStatus.CONFIRMED)
        subjects = {message.to[0]: message.subject for message in mail.outbox}
        self.assertIn("annullata", subjects["a@example.org"])
        self.assertIn("Un posto è per voi", subjects["c@example.org"])
        # A second click changes nothing.
        self.assertContains(self.client.post(link), "già stata annullata")
        self.assertEqual(Registration.objects.confirmed().count(), 2)

    def test_a_forged_cancel_link_shows_a_clear_page(self):
        response = self.client.get(self.en_event.url + "register/cancel/forged-token/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "This cancel link is not valid", status_code=404)
        long = self.client.post(self.event.url + "iscrizione/annulla/" + "x" * 300 + "/")
        self.assertEqual(long.status_code, 404)

    def test_registering_twice_resends_the_confirmation_and_takes_no_second_seat(self):
        self.register()
        response = self.register(first_name="Altro")
        self.assertContains(response, "È stata inviata una conferma a anna@example.org")
        self.assertEqual(Registration.objects.count(), 1)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(mail.outbox[1].to, ["anna@example.org"])

    def test_bad_input_keeps_what_was_typed_with_inline_errors_in_the_visitors_language(self):
        response = self.register(email="non-un-indirizzo", first_name="x" * 500)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Inserisci un indirizzo email valido")
        self.assertContains(response, "non-un-indirizzo")
        response = self.register(url=self.en_url, privacy_consent="")
        self.assertContains(response, "Please accept the privacy notice to register.")
        self.assertFalse(Registration.objects.exists())

    def test_honeypot_and_time_token_refuse_bots(self):
        self.register(website_url="http://spam.example")
        self.register(form_token=token(seconds_ago=0))
        response = self.register(form_token="forged")
        self.assertContains(response, "Il modulo è scaduto")
        self.assertFalse(Registration.objects.exists())

    @override_settings(PUBLIC_FORM_RATE_LIMIT=2)
    def test_a_burst_from_one_address_is_rate_limited(self):
        self.register("a@example.org")
        self.register("b@example.org")
        response = self.register("c@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(Registration.objects.count(), 2)

    def test_an_oversized_body_gets_the_400_page(self):
        response = self.register(extra=["x"] * 50)
        self.assertEqual(response.status_code, 400)

    def test_closed_registration_refuses_in_the_visitors_language(self):
        RegistrationSettings.objects.filter(pk=self.record.pk).update(closed_by_hand=True)
        response = self.register(url=self.en_url)
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "Registration for this event is closed.", status_code=409)
        self.assertFalse(Registration.objects.exists())

    @override_settings(
        EMAIL_BACKEND="operations.mail.OutboxBackend",
        OUTBOX_DELIVERY_BACKEND="tests.services.helpers.BrokenEmailBackend",
    )
    def test_with_the_mail_server_down_the_registration_is_kept_and_its_email_waits(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.register()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Registration.objects.count(), 1)
        entry = OutgoingEmail.objects.get()
        self.assertEqual(entry.status, OutgoingEmail.Status.PENDING)
        self.assertEqual(entry.recipients, "anna@example.org")
        self.assertEqual(entry.message["attachments"][0][0], "workshop-biobanche.ics")


class FullWithoutWaitingListTests(RegistrationTestCase):
    capacity = 1
    waiting_list = False

    def test_the_last_seat_taken_the_form_says_full(self):
        self.register("a@example.org")
        response = self.register("b@example.org")
        self.assertContains(response, "non è più possibile iscriversi", status_code=409)
        self.assertEqual(Registration.objects.count(), 1)


class EventPageStateTests(RegistrationTestCase):
    capacity = 1

    def structured_data(self, url):
        html = self.page_html(url)
        blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
        return next(data for data in map(json.loads, blocks) if data.get("@type") == "Event")

    def test_the_page_shows_the_state_and_the_offer_follows_it(self):
        self.assertContains(self.client.get(self.en_event.url), 'href="/en/events/')
        offer = self.structured_data(self.en_event.url)["offers"]
        self.assertEqual(offer["availability"], "https://schema.org/InStock")
        self.assertEqual(offer["price"], 0)
        self.assertTrue(offer["url"].endswith("/register/"))
        self.register("a@example.org")
        self.assertContains(self.client.get(self.event.url), "Iscrivetevi alla lista d'attesa")
        offer = self.structured_data(self.event.url)["offers"]
        self.assertEqual(offer["availability"], "https://schema.org/SoldOut")

    def test_the_page_never_shows_the_seats_left(self):
        html = self.page_html(self.event.url)
        self.assertNotIn("posti liberi", html)
        self.assertNotIn("posto libero", html)

    def test_the_cache_is_purged_only_when_fullness_flips(self):
        generation = lookups.generation()

        def purged():
            nonlocal generation
            before, generation = generation, lookups.generation()
            return generation != before

        self.register("a@example.org")
        self.assertTrue(purged())
        self.register("b@example.org")
        self.assertFalse(purged())
        service.cancel(Registration.objects.get(email="a@example.org"))
        # b is promoted: still full, no purge.
        self.assertFalse(purged())
        service.cancel(Registration.objects.get(email="b@example.org"))
        self.assertTrue(purged())

    def test_the_index_marks_events_open_for_registration(self):
        index = self.event.get_parent()
        self.assertContains(self.client.get(index.url), "Iscrizioni aperte")

    def test_opening_and_closing_times_are_page_cache_boundaries(self):
        now = timezone.now()
        opens = now + datetime.timedelta(hours=2)
        RegistrationSettings.objects.filter(pk=self.record.pk).update(opens_at=opens)
        self.assertEqual(next_change(now), opens)

    def test_the_registered_are_told_when_the_event_is_cancelled(self):
        self.register("a@example.org", url=self.en_url)
        mail.outbox.clear()
        self.event.status = "cancelled"
        self.event.save_revision().publish()
        [message] = mail.outbox
        self.assertIn("Event cancelled", message.subject)
        self.assertIn("has been cancelled", message.body)
        mail.outbox.clear()
        self.event.save_revision().publish()
        self.assertEqual(mail.outbox, [])

    def test_the_registered_are_told_when_the_event_moves_to_another_venue(self):
        self.register("a@example.org")
        mail.outbox.clear()
        self.event.venue_name = "Sala Nuova"
        self.event.save_revision().publish()
        [message] = mail.outbox
        self.assertIn("Evento modificato", message.subject)
        self.assertIn("l'orario o il luogo", message.body)
        self.assertIn("Sala Nuova", message.body)
        mail.outbox.clear()
        self.event.save_revision().publish()
        self.assertEqual(mail.outbox, [])

    def test_settings_recorded_before_places_were_kept_announce_no_place_change(self):
        self.register("a@example.org")
        RegistrationSettings.objects.filter(pk=self.record.pk).update(announced_place=None)
        mail.outbox.clear()
        self.event.save_revision().publish()
        self.assertEqual(mail.outbox, [])
        self.record.refresh_from_db()
        self.assertIsNotNone(self.record.announced_place)


class PersonalDataTests(RegistrationTestCase):
    def test_registrations_are_exported_and_erased_with_the_persons_other_data(self):
        self.register("Anna@Example.org")
        exported = json.loads(personal_data.export("anna@example.org"))
        self.assertEqual(len(exported["data"]["events.Registration"]), 1)
        counts = personal_data.erase("ANNA@example.org")
        self.assertEqual(counts["events.Registration"], 1)
        self.assertFalse(Registration.objects.exists())

    def test_old_registrations_go_with_the_retention_period(self):
        self.register()
        Registration.objects.update(created_at="2000-01-01T00:00:00Z")
        counts = personal_data.purge_expired()
        self.assertEqual(counts["events.Registration"], 1)


class EventPageQueryTests(RegistrationTestCase):
    capacity = 100

    def test_event_page_queries_do_not_grow_with_the_registrations(self):
        self.client.get(self.event.url)
        with CaptureQueriesContext(connection) as few:
            self.client.get(self.event.url)
        for n in range(20):
            Registration.objects.create(
                event=self.event,
                first_name="A",
                last_name="B",
                email=f"p{n}@example.org",
                language="it",
                consent_text="x",
                consent_given_at="2030-01-01T00:00:00Z",
            )
        self.client.get(self.event.url)
        with CaptureQueriesContext(connection) as many:
            self.client.get(self.event.url)
        self.assertEqual(len(few), len(many))
        self.assertLessEqual(len(many), DETAIL_BUDGET)
        self.assertIsInstance(EventPage.objects.get(pk=self.event.pk).registration_state(), str)
        self.assertEqual(
            EventPage.objects.get(pk=self.event.pk).registration_state(), RegistrationState.OPEN
        )


class EventIndexQueryTests(RegistrationTestCase):
    def test_the_index_does_not_grow_with_events_open_for_registration(self):
        index = self.event.get_parent()

        def add(number):
            event = self.tree.add(
                EventPage, registration_mode="on_site", translate=False, parent=index
            )
            RegistrationSettings.objects.create(event=event, capacity=number)

        assert_queries_do_not_grow(
            self, [index.url], add, few=1, many=12, ceilings={index.url: INDEX_BUDGET}
        )


class SQLiteTransactionTests(RegistrationTestCase):
    def test_sqlite_transactions_take_the_write_lock_when_they_begin(self):
        if connection.vendor != "sqlite":
            self.skipTest("the IMMEDIATE transaction mode is SQLite's")
        self.assertEqual(connection.settings_dict["OPTIONS"]["transaction_mode"], "IMMEDIATE")
