"""Wagtail's "forgotten password" form, writing its e-mail in the account's own language."""

from django.utils import translation
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.users.models import UserProfile


class LocalisedPasswordResetForm(PasswordResetForm):
    """The reset e-mail speaks the admin language the person chose, else the page's.

    The form answers the same way whether or not the address belongs to an
    account (Django's behaviour, kept): only the e-mail, stored in the outbox,
    differs, so the page reveals nothing.
    """

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        profile = UserProfile.objects.filter(user=context["user"]).first()
        language = profile.preferred_language if profile else ""
        with translation.override(language or translation.get_language()):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
