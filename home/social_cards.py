"""Social cards: a 1200×630 PNG per page and language, the og:image of pages without one.

A card shows the page's title, its section (the top-level page it sits under) and
the cluster's name in the site's colours. It is a file of its own in the default
storage, `social-cards/<language>/<page id>-<digest>.png`, not an image of the
library and not a field, so wagtail-localize has nothing to copy: each language's
page has its own. The digest covers everything the card shows, so a new title makes
a new name and the old card is never linked again (it is deleted when the new one
is made). Cards are made when a page is published (after commit) and by the
`make_social_cards` command, which `build_demo_site` runs; a card still missing
when a page is rendered is made then, once.
"""

import hashlib
import io
import logging
from functools import cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Page

from home import lookups
from home.structured_data import organisation_name

logger = logging.getLogger(__name__)

FOLDER = "social-cards"
WIDTH, HEIGHT = 1200, 630
# Bumped when the drawing changes, so that every card gets a new name.
DESIGN = "1"
# The site's colours (static/css/site.css: --color-brand-dark, --color-brand,
# --color-accent, --color-focus, --color-on-brand).
BACKGROUND = "#073f49"
BAND = "#0b5d6b"
ACCENT = "#b8326a"
HIGHLIGHT = "#f5b700"
TEXT = "#ffffff"
# Debian's fonts-dejavu (Bitstream Vera licence, free to embed in images); Pillow's
# own font when they are missing.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SERIF_BOLD = "DejaVuSerif-Bold.ttf"
SANS = "DejaVuSans.ttf"
SANS_BOLD = "DejaVuSans-Bold.ttf"
# Pages sit at depth 2 (a language's home) and below; a section is a home's child.
SECTION_DEPTH = 3
SECTION_PATH_LENGTH = Page.steplen * SECTION_DEPTH


@cache
def _font(name, size):
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size)


def _sections(language, request=None):
    """{tree path: title} of the top-level pages of `language`, kept across requests."""

    def build():
        pages = Page.objects.filter(depth=SECTION_DEPTH, locale__language_code=language)
        return dict(pages.values_list("path", "title"))

    return lookups.cached(request, f"social-card-sections:{language}", build)


def card_text(page, request=None):
    """Title, section and cluster name that the page's card shows."""
    language = page.locale.language_code
    section = ""
    if page.depth > SECTION_DEPTH:
        section = _sections(language, request).get(page.path[:SECTION_PATH_LENGTH], "")
    return page.title, section, organisation_name(language)


def card_name(page, request=None):
    """The storage name of the page's card as it reads now."""
    text = "\n".join((DESIGN, *card_text(page, request)))
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{FOLDER}/{page.locale.language_code}/{page.pk}-{digest}.png"


def draw_card(title, section, organisation):
    """The PNG bytes of a card."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 80
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    draw.rectangle((0, HEIGHT - 120, WIDTH, HEIGHT), fill=BAND)
    if section:
        draw.text((margin, 70), section.upper(), font=_font(SANS_BOLD, 34), fill=HIGHLIGHT)
    top = 150 if section else 110
    room = (WIDTH - 2 * margin, HEIGHT - 120 - 40 - top)
    # The largest size at which the title fits above the band.
    for size in (72, 64, 56, 48, 40):
        font = _font(SERIF_BOLD, size)
        lines = _wrap(title, font, room[0])
        if len(lines) * size * 1.3 <= room[1]:
            break
    else:
        lines = lines[: int(room[1] // (size * 1.3))]
        lines[-1] = lines[-1] + " …"
    draw.multiline_text(
        (margin, top), "\n".join(lines), font=font, fill=TEXT, spacing=int(size * 0.3)
    )
    draw.text((margin, HEIGHT - 60), organisation, font=_font(SANS, 34), fill=TEXT, anchor="lm")
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _wrap(text, font, width):
    """The words of `text` in lines no wider than `width` pixels."""
    lines = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def needs_card(page):
    """Whether `page` (specific) goes without an image of its own, and so shows its card."""
    return not getattr(page, "image_id", None)


def make_card(page):
    """Make the page's card unless it exists; delete its older cards. Returns its name."""
    name = card_name(page)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(draw_card(*card_text(page))))
    folder, current = name.rsplit("/", 1)
    prefix = f"{page.pk}-"
    _dirs, files = default_storage.listdir(folder)
    for stale in files:
        if stale.startswith(prefix) and stale != current:
            default_storage.delete(f"{folder}/{stale}")
    return name


def social_card(page, request):
    """Absolute URL, size and alternative text of the page's card, or None.

    Kept across requests (home.lookups), so a page view only reads the cache; the
    card is made here only when neither publishing nor the command has made it.
    """
    name = card_name(page, request)

    def build():
        try:
            if not default_storage.exists(name):
                make_card(page)
            return default_storage.url(name)
        except (OSError, ValueError):
            logger.exception("Social card %s could not be made", name)
            return None

    url = lookups.cached(request, f"social-card:{name}", build)
    if url is None:
        return None
    title, section, organisation = card_text(page, request)
    return {
        "url": request.build_absolute_uri(url) if request else url,
        "width": WIDTH,
        "height": HEIGHT,
        "alt": " · ".join(dict.fromkeys(part for part in (title, section, organisation) if part)),
    }


def make_all(pages=None, clean=True):
    """Make the card of every live page without an image (or of `pages`, specific).

    With `clean`, delete the cards no such page uses. Returns the number of cards in place.
    """
    if pages is None:
        pages = Page.objects.live().filter(depth__gt=1).select_related("locale").specific()
    names = {make_card(page) for page in pages if needs_card(page)}
    if clean and default_storage.exists(FOLDER):
        languages, _files = default_storage.listdir(FOLDER)
        for language in languages:
            _dirs, files = default_storage.listdir(f"{FOLDER}/{language}")
            for file in files:
                if f"{FOLDER}/{language}/{file}" not in names:
                    default_storage.delete(f"{FOLDER}/{language}/{file}")
    return len(names)


def make_on_publish(sender, instance, **kwargs):
    """Signal receiver: make the published page's card once its publication is committed."""

    def make():
        try:
            if needs_card(instance):
                make_card(instance)
        except (OSError, ValueError):
            logger.exception("Social card of page %s could not be made", instance.pk)

    transaction.on_commit(make)
