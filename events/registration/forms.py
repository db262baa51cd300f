"""The registration form: the fixed core, the editor's questions, consent and spam checks."""

from django import forms
from django.utils.translation import gettext, gettext_lazy
from wagtail.contrib.forms.forms import FormBuilder

from operations.public_forms import ProtectedFormMixin

TIMESTAMP_SALT = "events.registration.form-timestamp"
CORE_FIELDS = ("first_name", "last_name", "email", "organisation")
# Editors' question keys get this prefix, so they never collide with the core fields.
QUESTION_PREFIX = "q_"


def consent_wording():
    """The consent sentence in the active language, stored with each registration."""
    return gettext(
        "I have read the privacy notice and agree that the Cluster uses my data to manage "
        "my registration for this event."
    )


class RegistrationForm(ProtectedFormMixin, forms.Form):
    timestamp_salt = TIMESTAMP_SALT
    consent_required_message = gettext_lazy("Please accept the privacy notice to register.")
    spam_message = gettext_lazy(
        "Your registration could not be sent. Please check it and try again."
    )
    too_fast_message = gettext_lazy("That was very quick. Please check the form and send it again.")

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
        self.protect(consent_wording())

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
