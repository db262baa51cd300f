"""Members in the site search: public members of the visitor's language, merged with the pages."""

from home.models import Organisation, StandardPage
from members.models import MemberDirectoryPage
from news.models import NewsPage
from tests.markup import result_links
from tests.members.test_directory import add_member
from tests.queries import INDEX_BUDGET, assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase


class MemberSearchTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add_twins(MemberDirectoryPage)
        cls.alfa = add_member(
            tree, "Alfa Genomica Esempio", description="Sequenziamento per la ricerca clinica."
        )
        cls.zeta = add_member(
            tree, "Zeta Laboratori Esempio", description="Analisi di genomica per ospedali."
        )
        cls.hidden = add_member(tree, "Gamma Genomica Riservata")
        Organisation.objects.filter(pk=cls.hidden.pk).update(listed=False)
        cls.draft = add_member(tree, "Delta Genomica Bozza")
        Organisation.objects.filter(pk=cls.draft.pk).update(live=False)
        cls.partner = add_member(tree, "Epsilon Genomica Partner", kind="partner")
        cls.italian_only = add_member(tree, "Omega Genomica Italiana", translate=False)
        tree.add_twins(
            NewsPage,
            title="Genomica a Milano",
            slug="genomica-milano",
            summary="Una giornata sulla genomica.",
        )

    def test_members_are_found_by_name_with_their_kind_and_description(self):
        html = self.page_html("/it/cerca/", {"q": "alfa"})
        self.assertEqual(result_links(html), [f"/it/soci/{self.alfa.slug}/"])
        self.assertIn('<p class="card__meta">Socio</p>', html)
        self.assertIn('<p class="card__summary">Sequenziamento per la ricerca clinica.</p>', html)
        self.assertIn("1 risultato per «alfa»", html)
        html = self.page_html("/en/search/", {"q": "Alfa"})
        self.assertEqual(result_links(html), [f"/en/members/{self.alfa.slug}/"])
        self.assertIn('<p class="card__meta">Member</p>', html)
        self.assertIn("EN Sequenziamento per la ricerca clinica.", html)
        self.assertIn("1 result for “Alfa”", html)

    def test_members_are_found_by_the_description_of_the_language(self):
        html = self.page_html("/it/cerca/", {"q": "sequenziamento clinica"})
        self.assertEqual(result_links(html), [f"/it/soci/{self.alfa.slug}/"])
        # Only the start of a word matches: "quenziamento" is inside one.
        self.assertEqual(result_links(self.page_html("/it/cerca/", {"q": "quenziamento"})), [])
        # Every word must be found.
        self.assertEqual(result_links(self.page_html("/it/cerca/", {"q": "alfa ospedali"})), [])

    def test_members_found_by_name_come_first_and_by_description_after_the_pages(self):
        html = self.page_html("/it/cerca/", {"q": "genomica"})
        self.assertEqual(
            result_links(html),
            [
                f"/it/soci/{self.alfa.slug}/",
                f"/it/soci/{self.italian_only.slug}/",
                "/it/notizie/genomica-milano/",
                f"/it/soci/{self.zeta.slug}/",
            ],
        )
        self.assertIn("4 risultati per «genomica»", html)

    def test_hidden_members_are_never_found_in_either_language(self):
        # Hidden on the Italian record only: the English record still says "listed".
        self.assertTrue(self.tree.english_of(self.hidden).listed)
        for url in ("/it/cerca/", "/en/search/"):
            for name in ("Gamma", "Delta", "Epsilon", "Riservata", "Bozza", "Partner"):
                with self.subTest(url=url, name=name):
                    html = self.page_html(url, {"q": name})
                    self.assertEqual(result_links(html), [])
        english = self.page_html("/en/search/", {"q": "genomica"})
        self.assertEqual(
            result_links(english),
            [
                f"/en/members/{self.alfa.slug}/",
                "/en/news/genomica-milano-en/",
                f"/en/members/{self.zeta.slug}/",
            ],
        )

    def test_a_member_hidden_later_leaves_the_results_at_once(self):
        Organisation.objects.filter(pk=self.alfa.pk).update(listed=False)
        for url in ("/it/cerca/", "/en/search/"):
            with self.subTest(url=url):
                self.assertEqual(result_links(self.page_html(url, {"q": "alfa"})), [])

    def test_no_member_is_found_without_a_live_directory(self):
        MemberDirectoryPage.objects.update(live=False)
        self.assertEqual(result_links(self.page_html("/it/cerca/", {"q": "alfa"})), [])

    def test_malformed_queries_never_raise(self):
        for query in ("alfa%", "_", "al\\b(fa", "(?i)alfa", "[a-z]*", "alfa'\"", "\x00alfa"):
            with self.subTest(query=query):
                self.page_html("/it/cerca/", {"q": query})
                self.page_html("/en/search/", {"q": query})


class MemberSearchPaginationTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add_twins(MemberDirectoryPage)
        cls.first = add_member(tree, "Cellule Prime Esempio")
        cls.later = add_member(tree, "Kappa Esempio", description="Studio di cellule staminali.")
        for number in range(10):
            tree.add(StandardPage, title=f"Cellule {number}", slug=f"cellule-{number}")

    def test_members_and_pages_share_the_count_and_the_pages_of_results(self):
        first = self.page_html("/it/cerca/", {"q": "cellule"})
        self.assertIn("12 risultati per «cellule»", first)
        links = result_links(first)
        self.assertEqual(len(links), 10)
        self.assertEqual(links[0], f"/it/soci/{self.first.slug}/")
        second = self.page_html("/it/cerca/", {"q": "cellule", "page": "2"})
        self.assertIn("12 risultati per «cellule»", second)
        later = result_links(second)
        self.assertEqual(len(later), 2)
        self.assertEqual(later[-1], f"/it/soci/{self.later.slug}/")
        self.assertEqual(len(set(links + later)), 12)
        self.page_html("/it/cerca/", {"q": "cellule", "page": "3"}, status=404)


class MemberSearchQueryTests(BilingualSiteTestCase):
    def test_the_search_does_not_grow_with_members(self):
        self.tree.add_twins(MemberDirectoryPage)
        self.tree.add_twins(NewsPage, title="Membro in notizia", slug="membro-notizia")
        urls = {"/it/cerca/?q=membro": INDEX_BUDGET, "/en/search/?q=membro": INDEX_BUDGET}

        def grow(number):
            # Found by their description: listed after the news item, on every page.
            add_member(self.tree, f"Kappa {number}", description=f"Socio membro {number}.")

        assert_queries_do_not_grow(self, list(urls), grow, ceilings=urls)
        html = self.page_html("/it/cerca/?q=membro&page=3")
        self.assertIn("31 risultati per «membro»", html)
        self.assertEqual(len(result_links(html)), 10)
        self.assertEqual(len(result_links(self.page_html("/it/cerca/?q=membro&page=4"))), 1)
