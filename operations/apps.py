from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from home.registry import personal_data_models
        from operations.models import OutgoingEmail
        from operations.personal_data import mentions

        # Sent e-mails name their recipients, and notifications quote visitors' addresses.
        personal_data_models.register(
            OutgoingEmail,
            email_filter=lambda email: (
                mentions("recipients", email) | mentions("message__body", email)
            ),
            date_field="created_at",
        )
