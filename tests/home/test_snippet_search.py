"""Staff search every snippet listing and chooser, alone or with its filters, in either language."""

from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from tests.admin import staff_team
from tests.factories.snippets import (
    GoverningBodyFactory,
    OrganisationFactory,
    PersonFactory,
    TagFactory,
)
from tests.project import project_app_labels
from tests.sites import BilingualSiteTestCase

# One findable record per snippet that is searched by a word of its name or label.
FINDABLE = {
    "home.Tag": (TagFactory, {"name": "biobanche lombarde"}, "biobanche"),
    "home.Organisation": (
        OrganisationFactory,
        {"name": "Farmaceutica Esempio", "kind": "member", "member_type": "company"},
        "farmaceutica",
    ),
    "home.Person": (PersonFactory, {"name": "Giulia Esempio"}, "giulia"),
    "members.GoverningBody": (GoverningBodyFactory, {"name": "Collegio dei revisori"}, "revisori"),
}


def our_snippets():
    ours = project_app_labels()
    return [model for model in get_snippet_models() if model._meta.app_label in ours]


class SnippetSearchTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        _editor, cls.manager, _translator = staff_team()
        cls.found = {}
        for label, (factory, fields, word) in FINDABLE.items():
            cls.found[label] = (factory(**fields), word)

    def setUp(self):
        self.client.force_login(self.manager)

    def test_every_listing_answers_a_search_alone_and_in_each_language(self):
        for model in our_snippets():
            url = reverse(model.snippet_viewset.get_url_name("list"))
            for params in ({"q": "nessuncorrispondente"}, {"q": "esempio", "locale": "en"}):
                with self.subTest(model=model._meta.label, params=params):
                    self.assertEqual(self.client.get(url, params).status_code, 200)

    def test_a_word_of_the_name_finds_the_record_in_its_listing_and_chooser(self):
        for label, (record, word) in self.found.items():
            viewset = type(record).snippet_viewset
            with self.subTest(model=label):
                listing = self.client.get(reverse(viewset.get_url_name("list")), {"q": word})
                self.assertContains(listing, str(record))
                chooser = reverse(viewset.chooser_viewset.get_url_name("choose_results"))
                # A chooser opened from an Italian page searches Italian records only.
                for params in ({"q": word}, {"q": word, "locale": "it"}):
                    self.assertContains(self.client.get(chooser, params), str(record))
                english = self.client.get(chooser, {"q": word, "locale": "en"})
                self.assertNotContains(english, str(record))

    def test_organisations_are_searched_within_their_filters(self):
        record, word = self.found["home.Organisation"]
        url = reverse(type(record).snippet_viewset.get_url_name("list"))
        kept = self.client.get(url, {"q": word, "kind": "member", "member_type": "company"})
        self.assertContains(kept, str(record))
        left_out = self.client.get(url, {"q": word, "kind": "partner"})
        self.assertEqual(left_out.status_code, 200)
        self.assertNotContains(left_out, str(record))
