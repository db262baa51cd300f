"""The tests' own HTML assertion: it must fail whenever a snippet is wrong, naming them all."""

from django.test import SimpleTestCase

from tests.markup import HtmlAssertions

PAGE = '<html lang="en"><h1>News</h1><p>Happening now</p></html>'


class HtmlAssertionsTests(HtmlAssertions, SimpleTestCase):
    def test_passes_when_every_snippet_is_where_it_should_be(self):
        self.assertHtmlContains(
            PAGE, present=['<html lang="en"', "<h1>News</h1>"], absent=["In corso"]
        )

    def test_one_failure_names_every_missing_and_unexpected_snippet(self):
        with self.assertRaises(AssertionError) as failure:
            self.assertHtmlContains(
                PAGE,
                present=["<h1>News</h1>", "<h1>Notizie</h1>", "In corso"],
                absent=["Happening now", "Eventi"],
                msg="/en/news/",
            )
        report = str(failure.exception)
        self.assertIn("3 snippet(s) wrong in the HTML:", report)
        self.assertIn("missing: '<h1>Notizie</h1>'", report)
        self.assertIn("missing: 'In corso'", report)
        self.assertIn("unexpected: 'Happening now'", report)
        self.assertNotIn("'<h1>News</h1>'", report)
        self.assertNotIn("'Eventi'", report)
        self.assertIn("/en/news/", report)
        self.assertIn(PAGE, report)

    def test_refuses_what_would_check_nothing_or_single_characters(self):
        for arguments in [{}, {"present": "News"}, {"absent": "Eventi"}]:
            with self.subTest(arguments=arguments), self.assertRaises(TypeError):
                self.assertHtmlContains(PAGE, **arguments)
