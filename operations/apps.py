from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from home.registry import page_cache_ignored_models, personal_data_models, time_boundaries
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

        # Bookkeeping of Django, Wagtail and wagtail-localize that no public page
        # shows: saving them must not empty the page cache.
        for item in BOOKKEEPING_MODELS:
            page_cache_ignored_models.register(item)
        time_boundaries.register(pagecache.scheduled_publications)
        pagecache.connect_signals()


BOOKKEEPING_MODELS = (
    "sessions",
    "contenttypes",
    "auth",
    "admin",
    "wagtailusers",
    "wagtailadmin",
    "wagtailsearch",
    "wagtailembeds",
    "wagtailforms",
    "wagtail_localize",
    "operations",
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.QueryDailyHits",
    "wagtailcore.Revision",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtailcore.Workflow",
    "wagtailcore.WorkflowTask",
    "wagtailcore.WorkflowPage",
    "wagtailcore.WorkflowContentType",
    "wagtailcore.Task",
    "wagtailcore.GroupApprovalTask",
    "wagtailcore.GroupSitePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.APIToken",
    "wagtailcore.UploadedFile",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
)
