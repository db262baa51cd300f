"""The 404 page: in the language of the URL, offering the page where the path exists elsewhere."""

from django.test import TestCase
from wagtail.models import PageViewRestriction

from home.localization import translate_object
from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from tests.sites import build_bilingual_site, english

ENGLISH = {
    "Notizie": "News",
    "notizie": "news",
    "Le novità del Cluster.": "The Cluster's news.",
    "Approvato il piano": "The plan is approved",
    "approvato-il-piano": "plan-approved",
    "Il piano operativo del Cluster.": "The Cluster's operating plan.",
}


def to_english(text):
    return ENGLISH.get(text) or english(text)


class NotFoundOffersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_bilingual_site()
        cls.it_index = NewsIndexPageFactory(parent=cls.tree.it_home)
        cls.en_index = translate_object(cls.it_index, cls.tree.english, to_english)
        cls.it_news = NewsPageFactory(
            parent=cls.it_index,
            title="Approvato il piano",
            slug="approvato-il-piano",
            summary="Il piano operativo del Cluster.",
        )
        cls.en_news = translate_object(cls.it_news, cls.tree.english, to_english)
        StandardPageFactory(parent=cls.tree.it_home, title="Solo in italiano", slug="solo")
        private = StandardPageFactory(parent=cls.tree.it_home, title="Riservata", slug="riservata")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="soci"
        )
        StandardPageFactory(parent=cls.tree.it_home, slug="bozza", live=False)

    def not_found(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)
        return response.content.decode()

    def test_an_italian_path_under_english_offers_the_english_version_and_the_italian_page(self):
        html = self.not_found("/en/notizie/approvato-il-piano/")
        self.assertIn('<html lang="en"', html)
        self.assertIn(
            'Perhaps you were looking for this page: <a class="button" '
            'href="/en/news/plan-approved/">The plan is approved</a>',
            html,
        )
        self.assertIn(
            'This address exists in another language: <a href="/it/notizie/approvato-il-piano/"'
            ' hreflang="it" lang="it">Approvato il piano</a> <span lang="it">(Italiano)</span>',
            html,
        )

    def test_an_english_path_under_italian_is_offered_in_italian(self):
        html = self.not_found("/it/news/plan-approved/")
        self.assertIn('<html lang="it"', html)
        self.assertIn(
            'Forse cercavi questa pagina: <a class="button" '
            'href="/it/notizie/approvato-il-piano/">Approvato il piano</a>',
            html,
        )
        self.assertIn("Questo indirizzo esiste in un'altra lingua:", html)
        self.assertIn('href="/en/news/plan-approved/" hreflang="en" lang="en"', html)

    def test_a_page_without_translation_is_offered_in_its_own_language(self):
        html = self.not_found("/en/solo/")
        self.assertNotIn("Perhaps you were looking for", html)
        self.assertIn('href="/it/solo/" hreflang="it" lang="it">Solo in italiano</a>', html)

    def test_a_sub_route_offers_its_page(self):
        html = self.not_found("/en/notizie/2018/")
        self.assertIn('href="/it/notizie/" hreflang="it"', html)
        self.assertIn('href="/en/news/">News</a>', html)

    def test_nothing_is_offered_when_no_language_has_the_path(self):
        for url in ["/en/nowhere/", "/en/bozza/", "/en/riservata/", "/it/riservata/altro/"]:
            with self.subTest(url=url):
                html = self.not_found(url)
                self.assertNotIn("This address exists in another language", html)
                self.assertNotIn("Questo indirizzo esiste", html)
                self.assertNotIn("Riservata", html)

    def test_the_404_page_offers_the_search_in_its_language(self):
        html = self.not_found("/it/nessuna/")
        self.assertIn('<form class="search-form" role="search" action="/it/cerca/"', html)
        html = self.not_found("/en/nowhere/")
        self.assertIn('<form class="search-form" role="search" action="/en/search/"', html)
