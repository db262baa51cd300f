from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from home.registry import (
            bookkeeping_models,
            content_change_listeners,
            personal_data_models,
            time_boundaries,
        )
        from operations import pagecache
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

        # The outbox, logs and backups are no content: saving them empties no cache.
        bookkeeping_models.register(self.label)
        time_boundaries.register(pagecache.scheduled_publications)
        # A CDN or Varnish, when configured, forgets what the page cache forgets.
        content_change_listeners.register(pagecache.purge_frontend)
