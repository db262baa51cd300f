"""RSS 2.0 and Atom feeds of one language's news."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        # Django reads `language` as a plain attribute (never calls it): set it per index.
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        # The URL carries the language; say it too, so no cache can mix the two.
        response["Content-Language"] = self.index.locale.language_code
        return response

    def title(self):
        return _("%(title)s · Lombardy Life Sciences Cluster") % {"title": self.index.title}

    def link(self):
        return self.index.get_full_url(self.request)

    def feed_url(self):
        return self.link() + self.index.reverse_subpage(self.route_name)

    def description(self):
        return self.index.summary or self.title()

    def items(self):
        return self.index.news_items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at

    route_name = "rss"


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom"

    def subtitle(self):
        return self.description()
