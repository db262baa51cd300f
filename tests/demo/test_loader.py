"""The demo content files and the loader that pairs their Italian and English texts."""

import pytest

from demo import loader


def write(directory, text):
    (directory / "sample.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("path", sorted(loader.CONTENT_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_every_content_file_has_each_text_in_both_languages(path):
    assert loader.load(path.stem)


def test_a_text_without_its_translation_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    write(tmp_path, '[page]\ntitle.it = "Notizie"\n')
    with pytest.raises(ValueError, match=r"sample\.page\.title"):
        loader.load("sample")


def test_rich_text_with_more_items_in_one_language_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    write(
        tmp_path,
        '[page]\naims.it = "<ul><li>uno</li><li>due</li></ul>"\n'
        'aims.en = "<ul><li>one and two</li></ul>"\n',
    )
    with pytest.raises(ValueError, match=r"sample\.page\.aims"):
        loader.load("sample")


def test_values_other_than_texts_belong_to_both_languages():
    entry = {"date": "2018-07-09", "title": {"it": "Notizie", "en": "News"}, "tags": ["Piano"]}
    assert loader.in_language(entry, "en") == {
        "date": "2018-07-09",
        "title": "News",
        "tags": ["Piano"],
    }


def test_rich_text_pairs_by_paragraph_and_list_item():
    entry = {
        "body": {"it": "<p>Ricerca &amp; sviluppo</p>", "en": "<p>Research &amp; development</p>"},
        "aims": {
            "it": "<ul><li>uno</li><li>due</li></ul>",
            "en": "<ul><li>one</li><li>two</li></ul>",
        },
        "level": "h2",
    }
    assert loader.translation_pairs(entry) == {
        "Ricerca & sviluppo": "Research & development",
        "uno": "one",
        "due": "two",
    }


def test_a_plain_paragraph_becomes_rich_text():
    blocks = [{"heading": {"text": "Chi siamo", "level": "h2"}}, {"paragraph": "Il Cluster."}]
    assert loader.stream_value(blocks) == [
        ("heading", {"text": "Chi siamo", "level": "h2"}),
        ("paragraph", "<p>Il Cluster.</p>"),
    ]
