from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Fields of Wagtail's link choosers (rich text links) that have no label, so Django
# makes an English one from the field's name ("Link text") that no catalogue reaches.
LINK_CHOOSER_LABELS = {
    "link_text": _("Link text"),
    "email_address": _("E-mail address"),
    "subject": _("Subject"),
    "body": _("Message"),
    "phone_number": _("Phone number"),
}

# Apps whose rows a staff login writes (failed attempts, access logs, devices).
LOGIN_APPS = ("axes", "otp_totp", "otp_static", "otp_email", "django_otp")


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from wagtail.admin.forms import choosers

        from home.registry import bookkeeping_models
        from staff import signals  # noqa: F401

        # Logins, their throttling and two-step devices: no public page shows them.
        for app_label in LOGIN_APPS:
            bookkeeping_models.register(app_label)

        for form in (
            choosers.ExternalLinkChooserForm,
            choosers.AnchorLinkChooserForm,
            choosers.EmailLinkChooserForm,
            choosers.PhoneLinkChooserForm,
        ):
            for name, field in form.base_fields.items():
                if name in LINK_CHOOSER_LABELS:
                    field.label = LINK_CHOOSER_LABELS[name]
