"""Reading what the tests look for in the site's HTML."""

import json
import re


def card_titles(html, level):
    """The titles of the cards whose headings are of `level`, in order."""
    return re.findall(rf'<h{level} class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def json_ld(html):
    """Every JSON-LD block of a page, parsed, in order."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def alternates(html):
    """The page's hreflang alternates, by language."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def result_links(html):
    """The addresses of the search results, in order, promoted ones apart."""
    results = html.split('id="results-heading"', 1)[-1]
    return re.findall(r'class="card__title"><a href="([^"]+)"', results)


class HtmlAssertions:
    """For TestCase classes: checking several snippets of one page in one assertion."""

    def assertHtmlContains(self, html, present=(), absent=(), msg=None):  # noqa: N802 (as unittest)
        """Every snippet of `present` is in `html` and none of `absent` is.

        One failure names every missing and every unexpected snippet, then shows the page.
        """
        if isinstance(present, str) or isinstance(absent, str):
            raise TypeError("present and absent are lists of snippets, not single strings")
        if not present and not absent:
            raise TypeError("nothing to check: give present or absent snippets")
        wrong = [f"missing: {snippet!r}" for snippet in present if snippet not in html]
        wrong += [f"unexpected: {snippet!r}" for snippet in absent if snippet in html]
        if wrong:
            report = "\n".join([f"{len(wrong)} snippet(s) wrong in the HTML:", *wrong, "in:", html])
            self.fail(self._formatMessage(msg, report))
