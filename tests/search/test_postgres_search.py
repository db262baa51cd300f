"""Language-aware matching on PostgreSQL: each language stemmed by its own dictionary."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Phrase, PlainText

from home.models import StandardPage
from search.backends import MultilingualPostgresSearchBackend
from tests.markup import result_links
from tests.sites import BilingualSiteTestCase

pytestmark = pytest.mark.postgres


def lexemes(page):
    """The lexemes stored in the search index for `page`'s title and body."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text || ' ' || body::text FROM wagtailsearch_indexentry "
            "WHERE object_id = %s AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        return set(re.findall(r"'([^']+)'", cursor.fetchone()[0]))


class LanguageAwareMatchingTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.it_research, cls.en_research = tree.add_twins(
            StandardPage,
            title="La ricerca clinica in Lombardia",
            slug="ricerca-clinica",
            summary="Come gli ospedali lombardi fanno ricerca.",
        )
        cls.it_other = tree.add(
            StandardPage,
            title="Le imprese in Lombardia",
            slug="imprese",
            summary="Chi sono le imprese del cluster.",
            translate=False,
        )

    def test_the_default_backend_is_the_multilingual_one(self):
        self.assertIsInstance(get_search_backend(), MultilingualPostgresSearchBackend)

    def test_an_italian_query_finds_italian_inflections(self):
        for query in ["ricerche", "ricercare", "clinici"]:
            with self.subTest(query=query):
                html = self.page_html("/it/cerca/", {"q": query})
                self.assertEqual(result_links(html), ["/it/ricerca-clinica/"])

    def test_an_english_query_finds_english_inflections(self):
        for query in ["researching", "researches", "hospital"]:
            with self.subTest(query=query):
                html = self.page_html("/en/search/", {"q": query})
                self.assertEqual(result_links(html), ["/en/clinical-research/"])

    def test_each_language_drops_its_own_stop_words(self):
        html = self.page_html("/it/cerca/", {"q": "la ricerca della Lombardia"})
        self.assertEqual(result_links(html), ["/it/ricerca-clinica/"])
        html = self.page_html("/en/search/", {"q": "the research of Lombardy"})
        self.assertEqual(result_links(html), ["/en/clinical-research/"])

    def test_each_page_is_indexed_with_its_own_language_dictionary(self):
        self.assertLessEqual({"ricerc", "clinic", "lombard"}, lexemes(self.it_research))
        self.assertLessEqual({"research", "clinic", "lombardi"}, lexemes(self.en_research))
        # Italian stop words never reach the index of an Italian page.
        self.assertNotIn("la", lexemes(self.it_research))

    def test_a_search_over_both_languages_reads_the_query_in_each(self):
        # What the admin does: no locale filter, the editor's language unknown.
        pages = Page.objects.live()
        self.assertEqual(list(pages.search("ricerche")), [self.it_research.page_ptr])
        self.assertEqual(list(pages.search("researching")), [self.en_research.page_ptr])

    def test_negation_excludes_a_word_in_any_reading(self):
        # "vita" is 'vit' to Italian and 'vita' to English: negating each reading
        # apart would let the Italian home (Scienze della Vita) through.
        pages = Page.objects.live().filter(locale=self.tree.italian)
        self.assertIn(self.tree.it_home.page_ptr, list(pages.search("cluster")))
        query = And([PlainText("cluster"), Not(PlainText("vita"))])
        self.assertEqual(list(pages.search(query)), [self.it_other.page_ptr])

    def test_phrases_match_in_their_language(self):
        pages = Page.objects.live()
        self.assertEqual(
            list(pages.search(Phrase("ricerche cliniche"))), [self.it_research.page_ptr]
        )
        self.assertEqual(
            list(pages.search(Phrase("clinical researches"))), [self.en_research.page_ptr]
        )

    def test_rebuilding_the_index_keeps_each_language_dictionary(self):
        call_command("update_index", stdout=StringIO())
        self.assertIn("ricerc", lexemes(self.it_research))
        self.assertIn("research", lexemes(self.en_research))
        html = self.page_html("/it/cerca/", {"q": "ricerche"})
        self.assertEqual(result_links(html), ["/it/ricerca-clinica/"])
