from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import page_published, post_page_move

        from home import social_cards
        from home.lookups import content_changed
        from home.models import Organisation, Person, SiteContent
        from home.registry import moderated_models
        from home.renditions import make_on_publish

        # Cached look-ups (home.lookups) are forgotten on any change of content.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, dispatch_uid=f"clls-lookups-{id(signal)}")
        post_page_move.connect(content_changed, dispatch_uid="clls-lookups-page-moved")
        # Renditions are made when a page is published, not on its first view.
        page_published.connect(make_on_publish, dispatch_uid="clls-renditions-on-publish")
        # So is the social card of a page without an image (home.social_cards).
        page_published.connect(
            social_cards.make_on_publish, dispatch_uid="clls-social-card-on-publish"
        )

        for model in (SiteContent, Organisation, Person):
            moderated_models.register(model)
