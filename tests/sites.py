"""Builds the small bilingual page trees the tests share."""

from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

from home.localization import translate_object
from home.models import HomePage, StandardPage
from tests.factories import HomePageFactory, SiteContentFactory, StandardPageFactory

ENGLISH = {
    "Cluster Lombardo Scienze della Vita": "Lombardy Life Sciences Cluster",
    "Il cluster lombardo delle scienze della vita.": "Lombardy's life-sciences cluster.",
    "Chi siamo": "About us",
    "chi-siamo": "about",
    "Una pagina di testo.": "A page of text.",
    "Associazione delle scienze della vita in Lombardia.": (
        "The life-sciences association of Lombardy."
    ),
    "Via Esempio 1\n20100 Milano": "1 Via Esempio\n20100 Milan",
}


def english(text):
    """The English of a test string; slugs of unknown pages get an '-en' suffix."""
    if text in ENGLISH:
        return ENGLISH[text]
    return f"{text}-en" if "-" in text and " " not in text else f"EN {text}"


@dataclass
class BilingualSite:
    italian: Locale
    english: Locale
    site: Site
    it_home: HomePage
    en_home: HomePage
    it_about: StandardPage
    en_about: StandardPage


def build_bilingual_site(*, with_site_content=True):
    """Italian home and about page, with English translations made by wagtail-localize."""
    italian = Locale.objects.get_or_create(language_code="it")[0]
    english_locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    root.get_children().delete()
    Site.objects.all().delete()
    it_home = HomePageFactory(parent=root, slug="home")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=it_home, is_default_site=True
    )
    it_about = StandardPageFactory(
        parent=it_home, title="Chi siamo", slug="chi-siamo", show_in_menus=True
    )
    en_home = translate_object(it_home, english_locale, english)
    en_about = translate_object(it_about, english_locale, english)
    if with_site_content:
        content = SiteContentFactory(locale=italian)
        translate_object(content, english_locale, english)
    return BilingualSite(
        italian,
        english_locale,
        site,
        it_home.specific,
        en_home.specific,
        it_about.specific,
        en_about.specific,
    )
