from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from home.registry import feed_providers
        from news.models import NewsIndexPage

        feed_providers.register(NewsIndexPage.feed_links)
