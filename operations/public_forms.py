"""The protection of the forms visitors post: spam checks, body size, fields, and how often.

The admin keeps Django's generous `DATA_UPLOAD_MAX_*` limits, which StreamFields
need; a public form knows how many fields it has and how much text a visitor
can type, so it refuses anything larger before parsing it. `ProtectedFormMixin`
adds the consent, the honeypot and the signed time token (rendered by
`includes/public_form.html`). The service request forms and the event
registration form use both.
"""

import time
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import BadRequest
from django.utils.translation import gettext_lazy as _

from operations.ratelimit import RateLimit

# A human needs a few seconds to fill in a form; a bot posts at once.
MIN_SECONDS_TO_FILL = 3
# A form left open longer than this is sent again with a fresh token.
MAX_SECONDS_TO_FILL = 60 * 60 * 24
# Names the spam checks use; the forms' own field names never collide with them.
CONSENT, HONEYPOT, TIMESTAMP = "privacy_consent", "website_url", "form_token"
PROTECTION_FIELDS = (CONSENT, HONEYPOT, TIMESTAMP)

# Fields Django and the spam checks add to every public form (CSRF token, consent,
# honeypot, time token), on top of the visitor's own fields.
SPARE_FIELDS = 4


def public_form_rate_limit(scope):
    """How often one address may post a public form (PUBLIC_FORM_RATE_LIMIT per period)."""
    return RateLimit(
        scope=scope,
        limit=settings.PUBLIC_FORM_RATE_LIMIT,
        period=settings.PUBLIC_FORM_RATE_PERIOD,
    )


@dataclass(frozen=True)
class PublicFormGuard:
    """Checks one public form's POST: refuse oversized or overfull bodies, and count the address."""

    scope: str
    max_body_bytes: int = field(default_factory=lambda: settings.PUBLIC_FORM_MAX_BYTES)

    def check_body(self, request, max_fields):
        """Raise BadRequest (the 400 page) for a body larger, or fuller, than the form takes.

        The length is read from the header before the body is parsed, so an
        oversized body is never read into memory.
        """
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Malformed Content-Length") from None
        if length > self.max_body_bytes:
            raise BadRequest(f"Form body of {length} bytes over {self.max_body_bytes}")
        values = sum(len(values) for _name, values in request.POST.lists())
        if values > max_fields + SPARE_FIELDS:
            raise BadRequest(f"Form with {values} values, over {max_fields + SPARE_FIELDS}")

    def allow(self, request):
        """Count this post of the request's address; False once it is over the limit."""
        return public_form_rate_limit(self.scope).hit(request)


class ProtectedFormMixin:
    """A visitor's form with the privacy consent, a honeypot and a signed time check.

    Subclasses name their token's salt and the wording of their errors, and call
    `protect(consent_label)` once their own fields are in place.
    """

    timestamp_salt = ""
    consent_required_message = _("Please accept the privacy notice to send your request.")
    spam_message = _("Your request could not be sent. Please check it and send it again.")
    too_fast_message = _("That was very quick. Please check your request and send it again.")

    def new_timestamp(self):
        return signing.dumps(int(time.time()), salt=self.timestamp_salt)

    def protect(self, consent_label):
        self.consent_label = consent_label
        self.fields[CONSENT] = forms.BooleanField(
            required=True,
            label=consent_label,
            error_messages={"required": self.consent_required_message},
        )
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP] = forms.CharField(widget=forms.HiddenInput, required=False)
        # Validation reads the posted token; every rendering carries a new one,
        # so a form shown again after an error (or expiry) can be sent again.
        self.fresh_token = self.new_timestamp()

    @property
    def visitor_fields(self):
        """The form's own fields, in order, without the protection fields."""
        return [field for field in self if field.name not in PROTECTION_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(self.spam_message, code="spam")
        try:
            started = signing.loads(
                self.data.get(TIMESTAMP, ""),
                salt=self.timestamp_salt,
                max_age=MAX_SECONDS_TO_FILL,
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form has expired. Please send it again."), code="expired"
            ) from None
        if time.time() - started < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        return cleaned
