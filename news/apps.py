from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from home.registry import feed_providers, route_rules
        from news.models import TAG_RULE, YEAR_RULE, NewsIndexPage

        feed_providers.register(NewsIndexPage.feed_links)
        route_rules.register(NewsIndexPage, "year", YEAR_RULE)
        route_rules.register(NewsIndexPage, "tag", TAG_RULE)
