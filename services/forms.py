"""The visitor-facing request form: editors' fields plus consent and spam checks."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# A human needs a few seconds to fill in a form; a bot posts at once.
MIN_SECONDS_TO_FILL = 3
# A form left open longer than this is sent again with a fresh token.
MAX_SECONDS_TO_FILL = 60 * 60 * 24
TIMESTAMP_SALT = "home.forms.request-timestamp"
# Names the spam checks use; editors' field keys never collide with them.
CONSENT, HONEYPOT, TIMESTAMP = "privacy_consent", "website_url", "form_token"
PROTECTION_FIELDS = (CONSENT, HONEYPOT, TIMESTAMP)


def new_timestamp():
    return signing.dumps(int(time.time()), salt=TIMESTAMP_SALT)


class RequestFormBase(BaseForm):
    """Adds the privacy consent, a honeypot and a signed time check to a form-builder form."""

    def __init__(self, *args, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_label = consent_label
        self.fields[CONSENT] = forms.BooleanField(
            required=True,
            label=consent_label,
            error_messages={
                "required": _("Please accept the privacy notice to send your request.")
            },
        )
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP] = forms.CharField(widget=forms.HiddenInput, required=False)
        # Validation reads the posted token; every rendering carries a new one,
        # so a form shown again after an error (or expiry) can be sent again.
        self.fresh_token = new_timestamp()

    @property
    def visible_request_fields(self):
        return [field for field in self if field.name not in PROTECTION_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Your request could not be sent. Please check it and send it again."),
                code="spam",
            )
        try:
            started = signing.loads(
                self.data.get(TIMESTAMP, ""), salt=TIMESTAMP_SALT, max_age=MAX_SECONDS_TO_FILL
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form has expired. Please send it again."), code="expired"
            ) from None
        if time.time() - started < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                _("That was very quick. Please check your request and send it again."),
                code="too_fast",
            )
        return cleaned

    def request_data(self):
        """What the visitor asked, without the protection fields."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in PROTECTION_FIELDS
        }


class RequestFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("RequestForm", (RequestFormBase,), self.formfields)
