"""Two-step verification: enrolment with a TOTP app, the code after the password, REQUIRE_2FA."""

import re
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.roles import EDITORS, MANAGERS, apply_roles
from tests.admin import make_user, superuser

HOME = "/admin/"


def code_for(device):
    """The code an authenticator app shows now for `device`."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


class TwoFactorTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        groups = apply_roles()
        cls.manager = make_user("responsabile", groups[MANAGERS])
        cls.editor = make_user("redattore", groups[EDITORS])

    def setup_url(self, next_url=HOME):
        return f"{reverse('two_factor_setup')}?next={next_url}"

    def verify_url(self, next_url=HOME):
        return f"{reverse('two_factor_verify')}?next={next_url}"


# django-otp refuses every code for a while after a wrong one; these tests type
# the right code straight after a wrong one.
@override_settings(REQUIRE_2FA=True, OTP_TOTP_THROTTLE_FACTOR=0)
class RequiredTwoFactorTests(TwoFactorTestCase):
    def test_a_manager_without_a_device_is_sent_to_enrolment(self):
        self.client.force_login(self.manager)
        self.assertRedirects(self.client.get(HOME), self.setup_url(), fetch_redirect_response=False)
        pages = reverse("wagtailadmin_explore_root")
        self.assertRedirects(
            self.client.get(pages), self.setup_url(pages), fetch_redirect_response=False
        )

    def test_a_superuser_without_a_device_is_sent_to_enrolment(self):
        self.client.force_login(superuser())
        self.assertRedirects(self.client.get(HOME), self.setup_url(), fetch_redirect_response=False)

    def test_editors_are_not_required_to_enrol(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(HOME).status_code, 200)

    def test_enrolment_with_the_apps_first_code_opens_the_admin(self):
        self.client.force_login(self.manager)
        page = self.client.get(self.setup_url())
        self.assertContains(page, "<svg")
        device = TOTPDevice.objects.get(user=self.manager, confirmed=False)
        self.assertContains(page, "Verifica in due passaggi")

        wrong = self.client.post(reverse("two_factor_setup"), {"code": "000000", "next": HOME})
        self.assertContains(wrong, "Questo codice non è corretto")
        self.assertRedirects(self.client.get(HOME), self.setup_url(), fetch_redirect_response=False)

        done = self.client.post(
            reverse("two_factor_setup"), {"code": code_for(device), "next": HOME}
        )
        codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
        self.assertEqual(len(codes), 10)
        self.assertEqual(self.client.get(HOME).status_code, 200)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)

    def test_after_the_password_the_code_is_asked_and_lets_the_manager_in(self):
        device = TOTPDevice.objects.create(user=self.manager, name="app", confirmed=True)
        response = self.client.post(
            reverse("wagtailadmin_login"), {"username": "responsabile", "password": "pw"}
        )
        self.assertRedirects(response, HOME, fetch_redirect_response=False)
        self.assertRedirects(
            self.client.get(HOME), self.verify_url(), fetch_redirect_response=False
        )

        wrong = self.client.post(reverse("two_factor_verify"), {"code": "123456", "next": HOME})
        self.assertEqual(wrong.status_code, 200)
        self.assertRedirects(
            self.client.get(HOME), self.verify_url(), fetch_redirect_response=False
        )

        right = self.client.post(
            reverse("two_factor_verify"), {"code": code_for(device), "next": HOME}
        )
        self.assertRedirects(right, HOME, fetch_redirect_response=False)
        self.assertEqual(self.client.get(HOME).status_code, 200)

    def test_a_backup_code_works_once(self):
        TOTPDevice.objects.create(user=self.manager, name="app", confirmed=True)
        self.client.force_login(self.manager)
        self.client.get(self.setup_url())
        backup = self.manager.staticdevice_set.create(name="backup", confirmed=True)
        backup.token_set.create(token="abcd1234")
        self.client.post(reverse("two_factor_verify"), {"code": "abcd1234", "next": HOME})
        self.assertEqual(self.client.get(HOME).status_code, 200)
        self.assertFalse(StaticToken.objects.exists())

    def test_a_code_from_elsewhere_does_not_leave_the_site(self):
        device = TOTPDevice.objects.create(user=self.manager, name="app", confirmed=True)
        self.client.force_login(self.manager)
        response = self.client.post(
            reverse("two_factor_verify"),
            {"code": code_for(device), "next": "https://example.com/"},
        )
        self.assertRedirects(response, HOME, fetch_redirect_response=False)


@override_settings(REQUIRE_2FA=False)
class OptionalTwoFactorTests(TwoFactorTestCase):
    def test_without_the_requirement_a_manager_uses_the_admin_without_a_device(self):
        self.client.force_login(self.manager)
        self.assertEqual(self.client.get(HOME).status_code, 200)

    def test_anyone_who_enrolled_is_asked_for_the_code(self):
        TOTPDevice.objects.create(user=self.editor, name="app", confirmed=True)
        self.client.force_login(self.editor)
        self.assertRedirects(
            self.client.get(HOME), self.verify_url(), fetch_redirect_response=False
        )

    def test_the_account_page_offers_two_step_verification(self):
        self.client.force_login(self.editor)
        self.assertContains(
            self.client.get(reverse("wagtailadmin_account")), reverse("two_factor_setup")
        )

    def test_an_enrolled_user_may_turn_it_off_when_not_required(self):
        device = TOTPDevice.objects.create(user=self.editor, name="app", confirmed=True)
        self.client.force_login(self.editor)
        self.client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": HOME})
        self.client.post(reverse("two_factor_setup"), {"remove": "1"})
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())


class ResetCommandTests(TestCase):
    def test_an_operator_removes_the_devices_of_a_lost_phone(self):
        user = make_user("responsabile")
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        call_command("reset_two_factor", "responsabile", stdout=StringIO())
        self.assertFalse(TOTPDevice.objects.filter(user=user).exists())
