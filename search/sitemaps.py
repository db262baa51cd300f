"""sitemap.xml: every indexable URL of every language, with its alternates (home.urlfacts)."""

import operator
from functools import reduce

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home import urlfacts


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers one home; each language has its own home at the tree's root."""

    def pages(self):
        """Live, public pages under the site's home in any language."""
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        trees = [Q(path__startswith=home.path) for home in homes]
        if not trees:
            return Page.objects.none()
        return Page.objects.live().public().filter(reduce(operator.or_, trees))

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def alternates(self, pages):
        """hreflang alternates for each translation key among `pages` (one query)."""
        keys = {page.translation_key for page in pages}
        versions = self.pages().filter(translation_key__in=keys).select_related("locale")
        return urlfacts.alternates_by_translation_key(self.request, versions)

    def _urls(self, page, protocol, domain):
        # Django calls this for each page of the sitemap; Wagtail's version
        # gives no hook for the per-URL alternates that the template renders.
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates(pages)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                # An entry may bring its own alternates (a route of a page, such as a member).
                alternates_of_item = alternates.get(item.translation_key, [])
                urls.append({"alternates": alternates_of_item, **url_info})
            # The indexable sub-pages of a listing (its years) follow the listing.
            urls.extend(urlfacts.sitemap_entries(self.request, item))
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
