"""Reads the demo site's content from the TOML files in `demo/content/`.

A text stands as a table of its Italian source and its English translation,
`{it = "…", en = "…"}`, even where the two are the same; any other value (a
date, a year, a heading level, another entry's slug) belongs to both languages.
"""

import html
import re
import tomllib
from pathlib import Path

CONTENT_DIR = Path(__file__).with_name("content")
LANGUAGES = {"it", "en"}


def load(name):
    """The content of `demo/content/<name>.toml`, after checking each text has both languages."""
    with (CONTENT_DIR / f"{name}.toml").open("rb") as file:
        content = tomllib.load(file)
    for path, text in _texts(content, name):
        if set(text) != LANGUAGES:
            raise ValueError(f"{path} needs exactly an Italian and an English text.")
        if len(_pieces(text["it"])) != len(_pieces(text["en"])):
            raise ValueError(f"{path} differs in paragraphs or list items between languages.")
    return content


def in_language(value, language):
    """`value` with each text replaced by its version in `language`."""
    if _is_text(value):
        return value[language]
    if isinstance(value, dict):
        return {key: in_language(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, language) for item in value]
    return value


def translation_pairs(value):
    """Map each Italian string of `value` to its English translation, piece by piece.

    Rich text is paired by paragraph and list item, the pieces wagtail-localize
    asks a translator for, as plain text (entities decoded).
    """
    pairs = {}
    for _path, text in _texts(value):
        for italian, english in zip(_pieces(text["it"]), _pieces(text["en"]), strict=True):
            if italian:
                pairs[html.unescape(italian)] = html.unescape(english)
    return pairs


def stream_value(blocks):
    """StreamField data from body blocks, each a table whose one key is its block type.

    A paragraph written without markup becomes one rich-text paragraph; a block
    that takes no value (site contacts, retention period) is written `name = {}`.
    """
    data = []
    for block in blocks:
        ((block_type, value),) = block.items()
        if value == {}:
            value = None
        elif block_type == "paragraph" and not value.startswith("<"):
            value = f"<p>{value}</p>"
        data.append((block_type, value))
    return data


def _is_text(value):
    return isinstance(value, dict) and not LANGUAGES.isdisjoint(value)


def _texts(value, path=""):
    """Each text inside `value`, with where it stands."""
    if _is_text(value):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def _pieces(text):
    if text.startswith("<"):
        return re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", text)
    return [text]
