"""Driving wagtail-localize's translation editor as a person does."""


def translate_every_segment(editor, english):
    """Type the English of every string of the translation editor, tab by tab.

    `english` maps each Italian source text the editor shows to its translation.
    """
    for tab in ("Contenuto", "Promuovi"):
        editor.get_by_role("tab", name=tab).click()
        pending = editor.locator("li.incomplete:visible")
        while pending.count():
            segment = pending.first
            source = segment.locator("p").first.inner_text().strip()
            segment.get_by_role("button", name="Traduci").click()
            editing = editor.locator("li:has(textarea)")
            editing.locator("textarea").fill(english[source])
            editing.get_by_role("button", name="Salva").click()
            editor.wait_for_timeout(300)
