"""The team's editing guide, kept in docs/ as Markdown and shown inside the admin.

docs/editing.md (English) is the source; docs/editing.it.md is its Italian version,
section by section. Both must change together (a test compares their headings).
"""

from functools import cache

from django.conf import settings
from markdown_it import MarkdownIt

GUIDES = {"en": "editing.md", "it": "editing.it.md"}
SOURCE_LANGUAGE = "en"


def guide_path(language_code):
    name = GUIDES.get(language_code, GUIDES[SOURCE_LANGUAGE])
    return settings.BASE_DIR / "docs" / name


def headings(language_code):
    """The guide's heading structure: the level of each heading, in order."""
    text = guide_path(language_code).read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    return [token.tag for token in tokens if token.type == "heading_open"]


@cache
def _render(path, modified):
    # Raw HTML in the Markdown is escaped: the guide is text, tables and links only.
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    return markdown.render(path.read_text(encoding="utf-8"))


def guide_html(language_code):
    """The guide in `language_code` (English when there is none), as HTML."""
    path = guide_path(language_code)
    return _render(path, path.stat().st_mtime)
