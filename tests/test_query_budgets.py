"""Every page type, in both languages, within its query budget however much the site holds.

Budgets (docs/performance.md): the home 15 queries; indexes, pillar pages and the
search 12; detail pages and the 404 page 10. The site grows by news items and
events with images, tags and pillars, initiatives, menu pages and tags, all
translated, and no page may issue one query more for it.
"""

import datetime

from events.models import EventPage
from home.models import StandardPage
from news.models import NewsPage
from pillars.models import InitiativePage, PillarPage
from services.models import ServicePage
from tests.factories import ImageFactory
from tests.queries import DETAIL_BUDGET as DETAIL
from tests.queries import HOME_BUDGET as HOME
from tests.queries import INDEX_BUDGET as INDEX
from tests.queries import assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase


class QueryBudgetTests(BilingualSiteTestCase):
    def add_pages(self):
        # Made in the test, not in build(): images need this test's media folder.
        tree = self.tree
        self.tags = ["Ricerca clinica", "Biobanche", "Cronicità"]
        for name in self.tags:
            tree.add_tag(name)
        self.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca", image=ImageFactory())
        self.news = tree.add(
            NewsPage, image=ImageFactory(), tags=self.tags, pillars=[self.pillar], slug="notizia"
        )
        self.event = tree.add(
            EventPage, image=ImageFactory(), tags=self.tags, pillars=[self.pillar], slug="evento"
        )
        self.service = tree.add(ServicePage, image=ImageFactory(), slug="servizio")
        self.initiative = tree.add(
            InitiativePage, parent=self.pillar, image=ImageFactory(), slug="iniziativa"
        )

    def urls(self):
        """Each page type's URL in both languages, with its ceiling."""
        pages = [
            (self.tree.it_home, HOME),
            (self.tree.it_about, DETAIL),
            (self.news.get_parent(), INDEX),
            (self.news, DETAIL),
            (self.event.get_parent(), INDEX),
            (self.event, DETAIL),
            (self.service.get_parent(), INDEX),
            (self.service, DETAIL),
            (self.pillar, INDEX),
            (self.initiative, DETAIL),
        ]
        ceilings = {}
        for page, ceiling in pages:
            ceilings[page.url] = ceiling
            ceilings[self.tree.english_of(page).url] = ceiling
        ceilings.update(
            {
                "/it/cerca/?q=notizia": INDEX,
                "/en/search/?q=news": INDEX,
                "/it/non-esiste/": DETAIL,
                "/en/does-not-exist/": DETAIL,
            }
        )
        # Sub-pages of the listings, which also look up their counterparts (home.urlfacts).
        self.news.refresh_from_db()
        year = self.news.date.year
        ceilings.update(
            {
                f"/it/notizie/{year}/": INDEX,
                f"/en/news/{year}/": INDEX,
                "/it/notizie/tag/ricerca-clinica/": INDEX,
                "/en/news/tag/clinical-research/": INDEX,
                f"/en/events/{self.event.start_date.year}/": INDEX,
            }
        )
        return ceilings

    def grow(self, number):
        """A news item and an event with images, tags and the pillar, an initiative, a menu page."""
        fields = {"tags": self.tags, "pillars": [self.pillar]}
        self.tree.add(NewsPage, image=ImageFactory(), **fields)
        self.tree.add(
            EventPage,
            image=ImageFactory(),
            start_date=datetime.date(2040, 1, 1) + datetime.timedelta(days=number),
            **fields,
        )
        self.tree.add(InitiativePage, parent=self.pillar, image=ImageFactory())
        self.tree.add(StandardPage, slug=f"sezione-{number}", show_in_menus=True)
        self.tree.add_tag(f"Argomento {number}")

    def test_every_page_type_stays_within_its_budget_in_both_languages(self):
        self.add_pages()
        ceilings = self.urls()
        assert_queries_do_not_grow(
            self, list(ceilings), self.grow, few=1, many=4, statuses=(200, 404), ceilings=ceilings
        )
        # The grown content is on show: the counts above are of full pages.
        self.assertIn("sezione-3", self.page_html("/it/"))
