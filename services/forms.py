"""The visitor-facing request form: editors' fields plus consent and spam checks."""

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from operations.public_forms import PROTECTION_FIELDS, ProtectedFormMixin

TIMESTAMP_SALT = "home.forms.request-timestamp"


class RequestFormBase(ProtectedFormMixin, BaseForm):
    """A form-builder form with the privacy consent, a honeypot and a signed time check."""

    timestamp_salt = TIMESTAMP_SALT

    def __init__(self, *args, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.protect(consent_label)

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
