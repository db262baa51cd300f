"""Failed logins are throttled per account and per address; managers unlock them."""

import datetime
from io import StringIO

from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from staff.roles import EDITORS, MANAGERS, apply_roles
from tests.admin import make_user

LOGIN = "/admin/login/"
HOME = "/admin/"
ANNA_ADDRESS, OTHER_ADDRESS = "198.51.100.7", "203.0.113.9"


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=0.5)
class LoginThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        groups = apply_roles()
        cls.anna = make_user("anna", groups[EDITORS])
        cls.bruno = make_user("bruno", groups[EDITORS])
        cls.manager = make_user("responsabile", groups[MANAGERS])

    def log_in(self, username, password, address=ANNA_ADDRESS, client=None, **extra):
        client = client or self.client_class()
        response = client.post(
            LOGIN,
            {"username": username, "password": password, "next": HOME},
            REMOTE_ADDR=address,
            **extra,
        )
        return client, response

    def logged_in(self, client):
        return "_auth_user_id" in client.session

    def fail(self, username, times, address=ANNA_ADDRESS):
        for _ in range(times):
            self.log_in(username, "wrong", address)

    def test_the_right_password_after_too_many_wrong_ones_does_not_log_in(self):
        self.fail("anna", 3)
        client, response = self.log_in("anna", "pw")
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.logged_in(client))

    def test_fewer_failures_than_the_limit_still_let_the_right_password_in(self):
        self.fail("anna", 2)
        client, response = self.log_in("anna", "pw")
        self.assertRedirects(response, HOME, fetch_redirect_response=False)
        self.assertTrue(self.logged_in(client))

    def test_a_locked_account_is_locked_from_every_address(self):
        self.fail("anna", 3)
        client, response = self.log_in("anna", "pw", address=OTHER_ADDRESS)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.logged_in(client))

    def test_a_locked_address_cannot_log_into_other_accounts(self):
        self.fail("anna", 3)
        client, response = self.log_in("bruno", "pw", address=ANNA_ADDRESS)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.logged_in(client))

    def test_other_accounts_from_other_addresses_are_unaffected(self):
        self.fail("anna", 3)
        client, response = self.log_in("bruno", "pw", address=OTHER_ADDRESS)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.logged_in(client))

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_addresses_behind_the_trusted_proxy_are_counted_apart(self):
        for _ in range(3):
            self.log_in("anna", "wrong", "10.0.0.1", HTTP_X_FORWARDED_FOR=ANNA_ADDRESS)
        self.assertEqual(
            set(AccessAttempt.objects.values_list("ip_address", flat=True)), {ANNA_ADDRESS}
        )
        client, _response = self.log_in(
            "bruno", "pw", "10.0.0.1", HTTP_X_FORWARDED_FOR=OTHER_ADDRESS
        )
        self.assertTrue(self.logged_in(client))

    def test_the_lockout_page_speaks_the_visitors_language(self):
        self.fail("anna", 3)
        _, italian = self.log_in("anna", "pw", HTTP_ACCEPT_LANGUAGE="it")
        self.assertContains(italian, "Troppi tentativi di accesso", status_code=429)
        self.assertContains(italian, '<html lang="it">', status_code=429)
        self.assertContains(italian, "Riprovate tra 30 minuti", status_code=429)
        _, english = self.log_in("anna", "pw", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(english, "Too many login attempts", status_code=429)

    def test_the_account_logs_in_again_after_the_cool_off(self):
        self.fail("anna", 3)
        AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))
        client, _response = self.log_in("anna", "pw")
        self.assertTrue(self.logged_in(client))

    def test_the_scheduler_forgets_failures_past_the_cool_off_and_keeps_a_live_lock(self):
        self.fail("anna", 3)
        self.fail("bruno", 1, OTHER_ADDRESS)
        AccessAttempt.objects.filter(username="bruno").update(
            attempt_time=timezone.now() - datetime.timedelta(minutes=31)
        )
        out = StringIO()
        call_command("run_scheduled", stdout=out)
        self.assertIn("Failed logins past their cool-off deleted: 1.", out.getvalue())
        self.assertEqual(list(AccessAttempt.objects.values_list("username", flat=True)), ["anna"])
        client, _response = self.log_in("anna", "pw")
        self.assertFalse(self.logged_in(client))

    def test_a_manager_sees_the_locked_account_and_unlocks_it(self):
        self.fail("anna", 3)
        self.client.force_login(self.manager)
        listing = self.client.get(reverse("login_attempts"))
        self.assertContains(listing, "anna")
        self.assertContains(listing, ANNA_ADDRESS)
        self.assertContains(listing, "Bloccato")
        response = self.client.post(reverse("login_unlock"), {"username": "anna"})
        self.assertRedirects(response, reverse("login_attempts"))
        client, response = self.log_in("anna", "pw", address=OTHER_ADDRESS)
        self.assertTrue(self.logged_in(client))

    def test_a_manager_unlocks_an_address(self):
        self.fail("anna", 3)
        self.client.force_login(self.manager)
        self.client.post(reverse("login_unlock"), {"ip_address": ANNA_ADDRESS})
        client, _response = self.log_in("anna", "pw", address=ANNA_ADDRESS)
        self.assertTrue(self.logged_in(client))

    def test_editors_cannot_see_or_unlock_logins(self):
        self.fail("bruno", 3)
        self.client.force_login(self.anna)
        # Wagtail answers a refused admin view with a redirect to the dashboard.
        self.assertNotContains(self.client.get(reverse("login_attempts")), "bruno", status_code=302)
        self.client.post(reverse("login_unlock"), {"username": "bruno"})
        self.assertTrue(AccessAttempt.objects.filter(username="bruno").exists())
        self.assertNotContains(self.client.get(HOME), reverse("login_attempts"))
