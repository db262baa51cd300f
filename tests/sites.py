"""The bilingual test site, built from one place: Italian pages with their English twins."""

from dataclasses import dataclass

from django.test import TestCase
from wagtail.models import Locale, Page, Site

from home.localization import translate_object
from home.models import HomePage, StandardPage
from tests.factories import PAGE_FACTORIES, SiteContentFactory, TagFactory
from tests.markup import HtmlAssertions

# The English of every test string that needs a real one; the others get a marked copy.
ENGLISH = {
    # The site and its home
    "Cluster Lombardo Scienze della Vita": "Lombardy Life Sciences Cluster",
    "Il cluster lombardo delle scienze della vita.": "Lombardy's life-sciences cluster.",
    "Chi siamo": "About us",
    "chi-siamo": "about",
    "Una pagina di testo.": "A page of text.",
    "Associazione delle scienze della vita in Lombardia.": (
        "The life-sciences association of Lombardy."
    ),
    "Via Esempio 1\n20100 Milano": "1 Via Esempio\n20100 Milan",
    "Privacy": "Privacy",
    "privacy": "privacy",
    # Section indexes
    "Notizie": "News",
    "notizie": "news",
    "Le novità del Cluster.": "The Cluster's news.",
    "Eventi": "Events",
    "eventi": "events",
    "Gli eventi del Cluster.": "The Cluster's events.",
    "Servizi per i soci": "Services for members",
    "servizi": "services",
    "Soci": "Members",
    "soci": "members",
    "Chi fa parte del Cluster.": "Who is in the Cluster.",
    "Organi sociali": "Governance",
    "organi-sociali": "governance",
    "Chi guida l'associazione.": "Who leads the association.",
    # Tags; "Open Innovation" is the same word in both languages
    "Ricerca clinica": "Clinical research",
    "Biobanche": "Biobanks",
    "Cronicità": "Chronic care",
    "Neuroscienze": "Neuroscience",
    "Open Innovation": "Open Innovation",
    # Places
    "Milano": "Milan",
    "Italia": "Italy",
    "Bologna": "Bologna",
    # People's roles
    "Ricercatrice": "Researcher",
    "Coordinatrice": "Coordinator",
    "Ricercatrice al microscopio": "Researcher at a microscope",
    # A service's request form
    "Nome e cognome": "Full name",
    "E-mail": "E-mail",
    "Argomento": "Topic",
    "Bandi europei\nInternazionalizzazione": "European calls\nInternationalisation",
    # Pages that searches, the sitemap and the 404 page look for
    "Approvato il piano": "The plan is approved",
    "approvato-il-piano": "plan-approved",
    "Il piano operativo del Cluster.": "The Cluster's operating plan.",
    "Biobanche a Bologna": "Biobanks in Bologna",
    "biobanche-bologna": "biobanks-bologna",
    "Una rete di biobanche presentata a Bologna.": "A network of biobanks presented in Bologna.",
    "Bandi europei": "European calls",
    "bandi-europei": "european-calls",
    "Come partecipare ai bandi europei.": "How to take part in European calls.",
    "La ricerca clinica in Lombardia": "Clinical research in Lombardy",
    "ricerca-clinica": "clinical-research",
    "Come gli ospedali lombardi fanno ricerca.": "How Lombardy's hospitals do research.",
    # What the translator types in the browser test of the publishing flow
    "Nuovo bando per le biobanche": "New call for biobanks",
    "Un bando dedicato alle biobanche lombarde.": "A call devoted to Lombardy's biobanks.",
    "nuovo-bando-biobanche": "new-call-for-biobanks",
}


def english(text):
    """The English of a test string; slugs of unknown pages get an '-en' suffix."""
    if text in ENGLISH:
        return ENGLISH[text]
    return f"{text}-en" if "-" in text and " " not in text else f"EN {text}"


@dataclass
class BilingualSite:
    """The Italian tree and its English translation, grown a page at a time by the tests."""

    italian: Locale
    english: Locale
    site: Site
    it_home: HomePage
    en_home: HomePage
    it_about: StandardPage
    en_about: StandardPage

    def add(self, model, parent=None, *, translate=True, **fields):
        """An Italian `model` page made by its factory, with its English twin unless told not.

        The parent defaults to the Italian home where the page may live there, else
        to the one page of its parent type under the home (see `index`).
        """
        page = PAGE_FACTORIES[model](parent=parent or self.default_parent(model), **fields)
        if translate:
            self.translate(page)
        return page

    def add_twins(self, model, parent=None, **fields):
        """An Italian `model` page and its English twin, as `(italian, english)`; see `add`."""
        italian = self.add(model, parent, **fields)
        return italian, self.english_of(italian)

    def default_parent(self, model):
        """Where a `model` page goes unless a test says: the home, else the one fitting index."""
        parents = model.allowed_parent_page_models()
        if HomePage in parents:
            return self.it_home
        # The first allowed parent: an initiative's pillar rather than a standard page.
        return self.index(parents[0])

    def index(self, model, language="it"):
        """The one `model` page under the home, made and translated on first use."""
        try:
            page = model.objects.child_of(self.it_home).get()
        except model.DoesNotExist:
            page = self.add(model, parent=self.it_home)
        return page if language == "it" else self.english_of(page)

    def translate(self, source, *, publish=True, overrides=None):
        """The English twin of a page or snippet, written by wagtail-localize from `english`.

        `overrides` gives overridable fields an English value of their own.
        """
        return translate_object(source, self.english, english, publish=publish, overrides=overrides)

    def english_of(self, page):
        """The English twin of an Italian page or snippet."""
        return page.get_translation(self.english)

    def add_tag(self, name, *, translate=True):
        """An Italian tag, translated unless told not."""
        tag = TagFactory(name=name)
        if translate:
            self.translate(tag)
        return tag


def build_bilingual_site(*, with_site_content=True):
    """Italian home and about page, with English translations made by wagtail-localize."""
    italian = Locale.objects.get_or_create(language_code="it")[0]
    english_locale = Locale.objects.get_or_create(language_code="en")[0]
    # A TransactionTestCase that ran before flushes every table, the tree's root included.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=italian)
    )
    root.get_children().delete()
    Site.objects.all().delete()
    it_home = PAGE_FACTORIES[HomePage](parent=root, slug="home")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=it_home, is_default_site=True
    )
    it_about = PAGE_FACTORIES[StandardPage](
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


class BilingualSiteTestCase(HtmlAssertions, TestCase):
    """Tests on the bilingual site, built once per class into `cls.tree`.

    A class adds the pages and data its tests share by overriding `build`.
    """

    with_site_content = True

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = build_bilingual_site(with_site_content=cls.with_site_content)
        cls.build(cls.tree)

    @classmethod
    def build(cls, tree):
        """Add what the class's tests need to the shared site (`tree`); nothing by default."""

    def page_html(self, url, params=None, *, status=200):
        """The HTML that `url` answers with, its status checked."""
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, status, url)
        return response.content.decode()

    def assertPagesSpeak(self, cases, *, status=200, also=()):  # noqa: N802
        """Each (url, language, snippet) answers in that language: its `<html lang>` and snippet."""
        for url, language, snippet in cases:
            with self.subTest(url=url):
                self.assertHtmlContains(
                    self.page_html(url, status=status),
                    present=[f'<html lang="{language}"', snippet, *also],
                )
