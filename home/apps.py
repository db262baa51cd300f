from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.signals import page_published

        from home import lookups, social_cards
        from home.models import Organisation, Person, SiteContent
        from home.registry import bookkeeping_models, moderated_models
        from home.renditions import make_on_publish

        # Cached look-ups and pages are forgotten on any change of content; the
        # bookkeeping of Django, Wagtail and wagtail-localize is no content.
        for item in BOOKKEEPING_MODELS:
            bookkeeping_models.register(item)
        lookups.connect_signals()
        # Renditions are made when a page is published, not on its first view.
        page_published.connect(make_on_publish, dispatch_uid="clls-renditions-on-publish")
        # So is the social card of a page without an image (home.social_cards).
        page_published.connect(
            social_cards.make_on_publish, dispatch_uid="clls-social-card-on-publish"
        )

        for model in (SiteContent, Organisation, Person):
            moderated_models.register(model)


# Models of Django, Wagtail and wagtail-localize that no public page shows:
# saving them must not empty the caches. Apps register their own in their ready().
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
    "wagtailimages.UploadedImage",
)
