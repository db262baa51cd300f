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
