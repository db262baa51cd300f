"""An Italian admin for Italian staff, an English one for English staff.

Every screen of the editorial journey is rendered for an Italian user and its visible
text (what is read or announced: text, title, aria-label, placeholder, alt) is checked
against the English strings that once leaked through.
"""

import json
import re

from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from events.models import EventPage
from home.models import Organisation, Person, Tag
from news.models import NewsPage
from staff.roles import EDITORS, MANAGERS, TRANSLATORS, apply_roles
from tests.admin import make_user
from tests.factories.snippets import PersonFactory
from tests.sites import BilingualSiteTestCase

# Strings that reached Italian users before; each must stay out of their admin.
LEAKED = [
    "Slug",
    "Title tag",
    "Meta description",
    "The name of the page displayed on search engine results",
    "The descriptive text displayed underneath a headline",
    "Link text",
    "More actions",
    "Italiano to English translation",
    " of ",
    "December",
    "noncaricarne",
    "Editor Guide",
    "Email address",
    "Phone number",
    "editor guide",
    "What's new",
    "Search",
    "Save draft",
    "Preview",
    "Choose",
    "Upload",
    "Translations",
    "Dashboard",
    "Pages",
    "Help",
    "Add child page",
    "Actions",
    "Breadcrumb",
    "breadcrumbs",
    "Questo pagina",
    "Questo notizia",
    "Nessun organizzazioni",
    "Snippets",
]
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
WORD = re.compile(r"\s+")


def visible_text(html):
    """What a user reads or hears of `html`: text and the attributes that are announced."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "noscript"]):
        hidden.decompose()
    parts = [soup.get_text(" ")]
    for element in soup.find_all(True):
        parts += [element[name] for name in ATTRIBUTES if element.has_attr(name)]
    return WORD.sub(" ", " ".join(str(part) for part in parts))


def leaked(text):
    return [string for string in LEAKED if string in text]


class AdminLanguageTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        groups = apply_roles()
        cls.editor = make_user("redattore", groups[EDITORS])
        cls.manager = make_user("responsabile", groups[MANAGERS])
        cls.translator = make_user("traduttore", groups[TRANSLATORS])
        cls.english_editor = make_user("editor", groups[EDITORS])
        profile = UserProfile.get_for_user(cls.english_editor)
        profile.preferred_language = "en"
        profile.save()
        cls.news = tree.add(NewsPage)
        tree.add(NewsPage)
        cls.event = tree.add(EventPage)
        cls.news_index = cls.news.get_parent()
        cls.event_index = cls.event.get_parent()

    def screens(self):
        """(name, user, url) for each screen of the editorial journey."""
        news, event = self.news, self.event
        english_news = self.tree.english_of(news)

        def add(model, parent):
            return reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, parent.pk],
            )

        def snippets(model):
            return reverse(model.snippet_viewset.get_url_name("list"))

        page_type = ContentType.objects.get_for_model(NewsPage)
        return [
            ("dashboard", self.editor, reverse("wagtailadmin_home")),
            ("dashboard", self.translator, reverse("wagtailadmin_home")),
            ("dashboard", self.manager, reverse("wagtailadmin_home")),
            ("explorer", self.editor, reverse("wagtailadmin_explore", args=[self.news_index.pk])),
            ("add news", self.editor, add(NewsPage, self.news_index)),
            ("edit news", self.editor, reverse("wagtailadmin_pages:edit", args=[news.pk])),
            ("add event", self.editor, add(EventPage, self.event_index)),
            ("edit event", self.editor, reverse("wagtailadmin_pages:edit", args=[event.pk])),
            (
                "translation editor",
                self.translator,
                reverse("wagtailadmin_pages:edit", args=[english_news.pk]),
            ),
            ("tags", self.editor, snippets(Tag)),
            ("organisations", self.editor, snippets(Organisation)),
            ("people", self.editor, snippets(Person)),
            ("snippets", self.editor, reverse("wagtailsnippets:index")),
            ("locked pages", self.manager, reverse("wagtailadmin_reports:locked_pages")),
            ("aging pages", self.manager, reverse("wagtailadmin_reports:aging_pages")),
            ("site history", self.manager, reverse("wagtailadmin_reports:site_history")),
            ("image chooser", self.editor, reverse("wagtailimages_chooser:choose")),
            ("document chooser", self.editor, reverse("wagtaildocs_chooser:choose")),
            (
                "page chooser",
                self.editor,
                reverse("wagtailadmin_choose_page_child", args=[self.news_index.pk])
                + f"?page_type={page_type.app_label}.{page_type.model}",
            ),
            ("link chooser", self.editor, reverse("wagtailadmin_choose_page_external_link")),
            ("e-mail link chooser", self.editor, reverse("wagtailadmin_choose_page_email_link")),
            ("phone link chooser", self.editor, reverse("wagtailadmin_choose_page_phone_link")),
            ("translation queue", self.translator, reverse("translation_queue")),
            ("guide", self.editor, reverse("editing_guide")),
            ("account", self.editor, reverse("wagtailadmin_account")),
        ]

    def render(self, user, url):
        self.client.force_login(user)
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response["Content-Type"].startswith("application/json"):
            return response.json().get("html", "")
        return response.content.decode()

    def test_no_english_on_any_screen_for_italian_staff(self):
        found, texts = {}, {}
        for name, user, url in self.screens():
            texts[name] = text = visible_text(self.render(user, url))
            if leaked(text):
                found[f"{name} ({user.username})"] = leaked(text)
        assert found == {}
        # The screens were read, in Italian.
        assert "Testo del link" in texts["link chooser"]
        assert "Numero di telefono" in texts["phone link chooser"]
        assert "indirizzo breve" in texts["edit news"].lower()
        assert re.search(r"1-2 di 2 ", texts["explorer"])

    def test_translation_editor_speaks_italian_where_wagtail_localize_does_not(self):
        english_news = self.tree.english_of(self.news)
        StringTranslation.objects.filter(locale=english_news.locale).update(
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
        )
        url = reverse("wagtailadmin_pages:edit", args=[english_news.pk])
        soup = BeautifulSoup(self.render(self.translator, url), "html.parser")
        props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
        comments = [item["comment"] for item in props["initialStringTranslations"]]
        assert comments
        assert all(re.search(r"Tradotto manualmente il \d+ [a-z]+ \d{4}$", c) for c in comments)
        strings = soup.select_one("[data-translation-editor-strings]")
        assert strings["data-more-actions"] == "Altre azioni"
        assert strings["data-direction"] == "Traduzione da {source} a {target}"

    def test_wagtails_sentences_fit_feminine_names_too(self):
        # Wagtail's Italian says "Questo %(model_name)s ... creato", right only for
        # masculine names; ours names the item so that "notizia" and "persona" fit.
        self.news.save_revision(user=self.editor)
        self.news.get_workflow().start(self.news, self.editor)
        edit = reverse("wagtailadmin_pages:edit", args=[self.news.pk])
        text = visible_text(self.render(self.editor, edit))
        assert "Questo elemento (pagina) è in attesa di moderazione." in text

        person = PersonFactory(name="Giulia Esempio")
        delete = reverse(Person.snippet_viewset.get_url_name("delete"), args=[person.pk])
        self.client.force_login(self.manager)
        response = self.client.post(delete, follow=True)
        said = [str(message).strip() for message in response.context["messages"]]
        assert said == ["Persona «Giulia Esempio»: elemento eliminato."]

    def test_english_staff_see_english(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.news.pk])
        text = visible_text(self.render(self.english_editor, url))
        for label in ("Slug", "Title tag", "Meta description", "More actions", "Save draft"):
            assert label in text
        assert "Salva bozza" not in text

    def test_the_check_sees_attributes_and_not_scripts(self):
        html = '<p>Ciao</p><button aria-label="More actions"></button><script>"Slug"</script>'
        assert leaked(visible_text(html)) == ["More actions"]
