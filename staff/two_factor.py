"""Two-step verification for staff (django-otp): an authenticator app's code after the password.

Anyone who has enrolled a device is asked for a code after the password. With
`REQUIRE_2FA` on, superusers and the roles in `staff.roles.TWO_FACTOR_ROLES`
cannot use the admin until they have enrolled and verified a device: the
middleware sends them to enrolment or verification first.
"""

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.roles import requires_two_factor

BACKUP_CODES = 10
# Admin views a user must reach before verifying: logging in and out, the
# verification itself, and what the admin's pages load (translations, icons).
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_jsi18n",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "two_factor_setup",
    "two_factor_verify",
}


def must_enrol(user):
    return settings.REQUIRE_2FA and requires_two_factor(user)


class TwoFactorMiddleware:
    """Send admin users who owe a code, or an enrolment, to the page that asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self.redirect_for(request)
        if redirect_to:
            return redirect(f"{reverse(redirect_to)}?next={request.get_full_path()}")
        return self.get_response(request)

    def redirect_for(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        try:
            if resolve(request.path_info).url_name in OPEN_VIEWS:
                return None
        except Resolver404:
            return None
        if user_has_device(user):
            return "two_factor_verify"
        if must_enrol(user):
            return "two_factor_setup"
        return None


def next_url(request, default="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def qr_code_svg(text):
    """The QR code of `text` as inline SVG markup (no image request, nothing for a CSP to block)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 - our own markup


def pending_device(user):
    """The user's unconfirmed authenticator device, made on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )


def new_backup_codes(user):
    """Replace the user's single-use backup codes; return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def setup_view(request):
    """Enrol an authenticator app: scan the QR code, type its first code; get backup codes."""
    user = request.user
    enrolled = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if request.method == "POST" and "remove" in request.POST and enrolled:
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        messages.success(request, _("Two-step verification is off for your account."))
        return redirect("two_factor_setup")
    if enrolled:
        return TemplateResponse(
            request,
            "staff/admin/two_factor_setup.html",
            {"enrolled": True, "required": must_enrol(user)},
        )
    device = pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                codes = new_backup_codes(user)
            otp_login(request, device)
            return TemplateResponse(
                request,
                "staff/admin/two_factor_codes.html",
                {"codes": codes, "next": next_url(request)},
            )
        form.add_error(
            "code", _("This code is not right. Check your device's clock and try again.")
        )
    context = {
        "enrolled": False,
        "required": must_enrol(user),
        "form": form,
        "qr_code": qr_code_svg(device.config_url),
        "secret": _base32(device),
        "next": next_url(request),
    }
    return TemplateResponse(request, "staff/admin/two_factor_setup.html", context)


def _base32(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def verify_view(request):
    """After the password: the code of the user's authenticator app, or a backup code."""
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("code", _("This code is not right, or has been used already."))
    return TemplateResponse(
        request, "staff/admin/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )
