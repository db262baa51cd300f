"""Interface strings: every one translated into Italian, none left fuzzy."""

from pathlib import Path

import polib
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_every_interface_string_has_an_italian_translation():
    catalogue = polib.pofile(str(LOCALE / "it" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in english.fuzzy_entries()] == []


def test_both_catalogues_hold_the_same_strings():
    italian = polib.pofile(str(LOCALE / "it" / "LC_MESSAGES" / "django.po"))
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))

    def live_strings(catalogue):
        return {entry.msgid for entry in catalogue if not entry.obsolete}

    assert live_strings(italian) == live_strings(english)
