"""Pages issue the same number of queries however much content the site holds."""

from django.test import TestCase

from home.localization import translate_object
from home.models import SiteContent
from tests.factories import SocialLinkFactory, StandardPageFactory
from tests.queries import query_count
from tests.sites import build_bilingual_site, english


class ConstantQueriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_bilingual_site()

    def grow(self, count):
        """Add `count` menu pages in both languages and as many social links."""
        start = self.added = getattr(self, "added", 0)
        self.added += count
        content = SiteContent.objects.get(locale=self.tree.italian)
        for number in range(start, start + count):
            page = StandardPageFactory(
                parent=self.tree.it_home, slug=f"sezione-{number}", show_in_menus=True
            )
            translate_object(page, self.tree.english, english)
            SocialLinkFactory(site_content=content, url=f"https://social.example/{number}")

    def test_menus_switcher_and_footer_do_not_grow_with_content(self):
        urls = ["/it/", "/en/", "/it/chi-siamo/", "/en/about/", "/it/mancante/"]
        self.grow(1)
        small = {url: query_count(self.client, url, statuses=(200, 404)) for url in urls}
        self.grow(29)
        large = {url: query_count(self.client, url, statuses=(200, 404)) for url in urls}
        self.assertEqual(large, small)
        self.assertIn("sezione-28", self.client.get("/it/").content.decode())
