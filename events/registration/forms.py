"""The registration form: the fixed core, the editor's questions, consent and spam checks."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext, gettext_lazy
from wagtail.contrib.forms.forms import FormBuilder

# A human needs a few seconds to fill in a form; a bot posts at once.
MIN_SECONDS_TO_FILL = 3
MAX_SECONDS_TO_FILL = 60 * 60 * 24
TIMESTAMP_SALT = "events.registration.form-timestamp"
CONSENT, HONEYPOT, TIMESTAMP = "privacy_consent", "website_url", "form_token"
CORE_FIELDS = ("first_name", "last_name", "email", "organisation")
# Editors' question keys get this prefix, so they never collide with the core fields.
QUESTION_PREFIX = "q_"


def new_timestamp():
    return signing.dumps(int(time.time()), salt=TIMESTAMP_SALT)


def consent_wording():
    """The consent sentence in the active language, stored with each registration."""
    return gettext(
        "I have read the privacy notice and agree that the Cluster uses my data to manage "
        "my registration for this event."
    )


class RegistrationForm(forms.Form):
    first_name = forms.CharField(max_length=100, label=gettext_lazy("First name"))
    last_name = forms.CharField(max_length=100, label=gettext_lazy("Surname"))
    email = forms.EmailField(max_length=254, label=gettext_lazy("E-mail"))
    organisation = forms.CharField(
        max_length=200, required=False, label=gettext_lazy("Organisation")
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in FormBuilder(list(questions)).formfields.items():
            self.fields[QUESTION_PREFIX + name] = field
        self.fields[CONSENT] = forms.BooleanField(
            required=True,
            label=consent_wording(),
            error_messages={
                "required": gettext_lazy("Please accept the privacy notice to register.")
            },
        )
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=gettext_lazy("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fresh_token = new_timestamp()

    @property
    def visible_fields_in_order(self):
        return [field for field in self if field.name not in (CONSENT, HONEYPOT, TIMESTAMP)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                gettext_lazy("Your registration could not be sent. Please check it and try again."),
                code="spam",
            )
        try:
            started = signing.loads(
                self.data.get(TIMESTAMP, ""), salt=TIMESTAMP_SALT, max_age=MAX_SECONDS_TO_FILL
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                gettext_lazy("This form has expired. Please send it again."), code="expired"
            ) from None
        if time.time() - started < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                gettext_lazy("That was very quick. Please check the form and send it again."),
                code="too_fast",
            )
        return cleaned

    def core_data(self):
        return {name: self.cleaned_data.get(name, "") for name in CORE_FIELDS}

    def answers(self):
        """The answers to the editor's questions, by their language-independent key."""
        answers = {}
        for name, value in self.cleaned_data.items():
            if name.startswith(QUESTION_PREFIX):
                if isinstance(value, list):
                    value = ", ".join(value)
                elif value is None:
                    value = ""
                elif not isinstance(value, str | bool):
                    value = str(value)
                answers[name.removeprefix(QUESTION_PREFIX)] = value
        return answers

    def max_values(self):
        """How many values the form's fields can post: one each, or one per choice."""
        return sum(len(getattr(field, "choices", ())) or 1 for field in self.fields.values())
