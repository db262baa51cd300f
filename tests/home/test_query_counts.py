"""Pages issue the same number of queries however much content the site holds."""

from home.models import SiteContent, StandardPage
from pillars.models import PillarPage
from tests.factories import SocialLinkFactory
from tests.queries import DETAIL_BUDGET, assert_queries_do_not_grow, budgets
from tests.sites import BilingualSiteTestCase


class ConstantQueriesTests(BilingualSiteTestCase):
    def test_menus_switcher_and_footer_do_not_grow_with_content(self):
        content = SiteContent.objects.get(locale=self.tree.italian)

        def add(number):
            """A menu page in both languages and a social link."""
            self.tree.add(StandardPage, slug=f"sezione-{number}", show_in_menus=True)
            SocialLinkFactory(site_content=content, url=f"https://social.example/{number}")

        urls = ["/it/", "/en/", "/it/chi-siamo/", "/en/about/", "/it/mancante/"]
        assert_queries_do_not_grow(
            self, urls, add, statuses=(200, 404), ceilings=budgets(urls, DETAIL_BUDGET)
        )
        self.assertIn("sezione-29", self.page_html("/it/"))

    def test_the_pillars_in_the_menu_do_not_add_queries(self):
        def add(number):
            """A pillar in both languages: one more entry under "What we do"."""
            self.tree.add(PillarPage, title=f"Ambito {number}", slug=f"ambito-{number}")

        assert_queries_do_not_grow(self, ["/it/", "/en/", "/it/chi-siamo/"], add)
        menu = self.page_html("/en/").split('<ul class="submenu"')[1].split("</ul>")[0]
        self.assertIn("Ambito 29", menu)
