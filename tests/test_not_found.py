"""The 404 page: in the language of the URL, offering the page where the path exists elsewhere."""

from wagtail.models import PageViewRestriction

from home.models import StandardPage
from news.models import NewsPage
from tests.sites import BilingualSiteTestCase


class NotFoundOffersTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add(
            NewsPage,
            title="Approvato il piano",
            slug="approvato-il-piano",
            summary="Il piano operativo del Cluster.",
        )
        tree.add(StandardPage, title="Solo in italiano", slug="solo", translate=False)
        private = tree.add(StandardPage, title="Riservata", slug="riservata", translate=False)
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="soci"
        )
        tree.add(StandardPage, slug="bozza", live=False, translate=False)

    def not_found(self, url):
        return self.page_html(url, status=404)

    def test_a_path_of_the_other_language_offers_this_language_version_and_the_page(self):
        for url, lang, offers in [
            (
                "/en/notizie/approvato-il-piano/",
                "en",
                [
                    'Perhaps you were looking for this page: <a class="button" '
                    'href="/en/news/plan-approved/">The plan is approved</a>',
                    "This address exists in another language: "
                    '<a href="/it/notizie/approvato-il-piano/" hreflang="it" lang="it">'
                    'Approvato il piano</a> <span lang="it">(Italiano)</span>',
                ],
            ),
            (
                "/it/news/plan-approved/",
                "it",
                [
                    'Forse cercavate questa pagina: <a class="button" '
                    'href="/it/notizie/approvato-il-piano/">Approvato il piano</a>',
                    "Questo indirizzo esiste in un'altra lingua:",
                    'href="/en/news/plan-approved/" hreflang="en" lang="en"',
                ],
            ),
        ]:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.not_found(url), present=[f'<html lang="{lang}"', *offers]
                )

    def test_a_page_without_translation_is_offered_in_its_own_language(self):
        self.assertHtmlContains(
            self.not_found("/en/solo/"),
            present=['href="/it/solo/" hreflang="it" lang="it">Solo in italiano</a>'],
            absent=["Perhaps you were looking for"],
        )

    def test_a_sub_route_offers_its_page(self):
        self.assertHtmlContains(
            self.not_found("/en/notizie/2018/"),
            present=['href="/it/notizie/" hreflang="it"', 'href="/en/news/">News</a>'],
        )

    def test_nothing_is_offered_when_no_language_has_the_path(self):
        for url in ["/en/nowhere/", "/en/bozza/", "/en/riservata/", "/it/riservata/altro/"]:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.not_found(url),
                    absent=[
                        "This address exists in another language",
                        "Questo indirizzo esiste",
                        "Riservata",
                    ],
                )

    def test_the_404_page_offers_the_search_in_its_language(self):
        html = self.not_found("/it/nessuna/")
        self.assertIn('<form class="search-form" role="search" action="/it/cerca/"', html)
        html = self.not_found("/en/nowhere/")
        self.assertIn('<form class="search-form" role="search" action="/en/search/"', html)
