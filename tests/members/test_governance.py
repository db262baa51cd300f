"""The governance page: bodies, the people in office and past terms, in both languages."""

import datetime
from unittest import mock

from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.localization import translate_object
from home.models import Organisation
from members.models import (
    GovernancePage,
    GoverningBody,
    MemberDirectoryPage,
    Term,
    next_term_change,
)
from tests.admin import staff_team
from tests.factories import GoverningBodyFactory, OrganisationFactory, PersonFactory
from tests.queries import DETAIL_BUDGET, assert_queries_do_not_grow
from tests.sites import BilingualSiteTestCase

TODAY = datetime.date(2026, 6, 15)

ENGLISH = {
    "Consiglio direttivo": "Board of directors",
    "Guida l'associazione tra un'assemblea e l'altra.": (
        "Leads the association between assemblies."
    ),
    "Assemblea dei soci": "Members' assembly",
    "Riunisce tutti i soci.": "Brings all the members together.",
    "Università di Esempio": "University of Example",
    "Ricercatrice": "Researcher",
}


def english(text):
    return ENGLISH.get(text)


def add_body(tree, name, description, *, translate=True, sort_order=0, terms=()):
    """An Italian body with its `terms` (dicts of Term fields), translated unless told not."""
    body = GoverningBodyFactory(name=name, description=description, sort_order=sort_order)
    for fields in terms:
        Term.objects.create(body=body, **fields)
    if translate:
        translate_object(body, tree.english, english)
    return body


def term(person, role, start, end=None, organisation=None):
    return {
        "person": person,
        "role": role,
        "start": start,
        "end": end,
        "organisation": organisation,
    }


class GovernancePageTests(BilingualSiteTestCase):
    def setUp(self):
        super().setUp()
        self.enterContext(mock.patch("members.models.today", return_value=TODAY))

    @classmethod
    def build(cls, tree):
        cls.page, cls.en_page = tree.add_twins(GovernancePage)
        cls.directory = tree.add(MemberDirectoryPage)
        cls.university = OrganisationFactory(name="Università di Esempio")
        # An organisation's name follows the Italian record unless it has an official English one.
        translate_object(
            cls.university, tree.english, english, overrides={"name": "University of Example"}
        )
        # One person, several roles and terms: councillor, then president, and in the assembly.
        cls.anna = PersonFactory(name="Anna Esempio")
        cls.bruno = PersonFactory(name="Bruno Esempio")
        cls.future = PersonFactory(name="Futura Esempio")
        cls.hidden = PersonFactory(name="Nascosta Esempio", live=False)
        cls.board = add_body(
            tree,
            "Consiglio direttivo",
            "Guida l'associazione tra un'assemblea e l'altra.",
            sort_order=2,
            terms=[
                term(cls.anna, "councillor", datetime.date(2016, 3, 1), datetime.date(2019, 2, 28)),
                term(cls.anna, "president", datetime.date(2019, 3, 1), None, cls.university),
                term(cls.bruno, "councillor", datetime.date(2019, 3, 1), TODAY),
                term(cls.future, "treasurer", TODAY + datetime.timedelta(days=1)),
                term(cls.hidden, "secretary_general", datetime.date(2019, 3, 1)),
            ],
        )
        cls.assembly = add_body(
            tree,
            "Assemblea dei soci",
            "Riunisce tutti i soci.",
            sort_order=1,
            terms=[term(cls.anna, "member", datetime.date(2016, 3, 1))],
        )
        cls.auditors = add_body(
            tree,
            "Collegio dei revisori",
            "Controlla i conti.",
            sort_order=3,
            translate=False,
            terms=[term(cls.bruno, "auditor", datetime.date(2020, 1, 1))],
        )

    def test_the_page_has_its_address_in_each_language(self):
        self.assertPagesSpeak(
            [
                ("/it/organi-sociali/", "it", "Consiglio direttivo"),
                ("/en/governance/", "en", "Board of directors"),
            ]
        )

    def test_bodies_follow_their_order_with_the_people_in_office(self):
        html = self.page_html("/it/organi-sociali/")
        self.assertLess(html.index("Assemblea dei soci"), html.index("Consiglio direttivo"))
        self.assertLess(html.index("Consiglio direttivo"), html.index("Collegio dei revisori"))
        current = html[: html.index("Incarichi passati")]
        self.assertHtmlContains(
            current,
            present=[
                "Presidente",
                "Università di Esempio",
                "dal 1 marzo 2019",
                "Bruno Esempio",
                "Componente",
                "Revisore dei conti",
            ],
            # A term that has not started yet, and a person who is not published.
            absent=["Futura Esempio", "Tesoriere", "Nascosta Esempio"],
        )

    def test_past_terms_stay_reachable_on_the_page(self):
        html = self.page_html("/it/organi-sociali/")
        past = html[html.index("Incarichi passati") :]
        self.assertHtmlContains(
            past, present=["Anna Esempio", "Consigliere", "1 marzo 2016 – 28 febbraio 2019"]
        )
        # A term that ends today is still current; it moves to the past tomorrow.
        self.assertNotIn("Bruno Esempio", past)
        with mock.patch("members.models.today", return_value=TODAY + datetime.timedelta(days=1)):
            past = self.page_html("/it/organi-sociali/").split("Incarichi passati")[1]
        self.assertIn("Bruno Esempio", past)

    def test_one_person_holds_several_roles_and_terms(self):
        html = self.page_html("/it/organi-sociali/")
        self.assertEqual(html.count("Anna Esempio"), 3)

    def test_the_english_page_shows_english_words_only(self):
        self.assertHtmlContains(
            self.page_html("/en/governance/"),
            present=[
                "Members&#x27; assembly",
                "Board of directors",
                "Leads the association between assemblies.",
                "President",
                "Board member",
                "University of Example",
                "since 1 March 2019",
                "1 March 2016 – 28 February 2019",
                "Past terms of office",
                # Names are proper names: the Italian record's where none is translated.
                "Anna Esempio",
            ],
            absent=[
                "Consiglio direttivo",
                "Assemblea dei soci",
                "Presidente",
                "Consigliere",
                "Università di Esempio",
                "marzo",
                # Not translated yet: not shown rather than shown in Italian.
                "Collegio dei revisori",
                "Revisore",
            ],
        )

    def test_a_body_whose_italian_record_is_unpublished_leaves_both_languages(self):
        self.assembly.live = False
        self.assembly.save()
        self.assertNotIn("Assemblea dei soci", self.page_html("/it/organi-sociali/"))
        self.assertNotIn("Members&#x27; assembly", self.page_html("/en/governance/"))

    def test_an_unpublished_organisation_is_left_out_and_the_office_kept(self):
        Organisation.objects.filter(pk=self.university.pk).update(live=False)
        self.assertHtmlContains(
            self.page_html("/it/organi-sociali/"),
            present=["Presidente", "dal 1 marzo 2019"],
            absent=["Università di Esempio"],
        )

    def test_the_home_and_the_directory_link_the_governance_page(self):
        # The directory lists no member here, so the home links the governance page alone.
        self.assertIn('href="/it/organi-sociali/"', self.page_html("/it/"))
        self.assertIn('href="/en/governance/"', self.page_html("/en/"))
        self.assertIn('href="/it/organi-sociali/"', self.page_html("/it/soci/"))
        self.assertIn('href="/it/soci/"', self.page_html("/it/organi-sociali/"))

    def test_the_page_changes_at_midnight_after_a_term_ends_or_before_one_starts(self):
        now = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(10, 0)))
        tomorrow = timezone.make_aware(
            datetime.datetime.combine(TODAY + datetime.timedelta(days=1), datetime.time.min)
        )
        self.assertEqual(next_term_change(now), tomorrow)

    def test_queries_do_not_grow_with_bodies_and_terms(self):
        def grow(number):
            people = [PersonFactory(), PersonFactory()]
            translate_object(people[0], self.tree.english, lambda text: f"EN {text}")
            add_body(
                self.tree,
                f"Organo {number}",
                "Un organo.",
                translate=False,
                sort_order=10 + number,
                terms=[
                    term(people[0], "president", datetime.date(2020, 1, 1), None, self.university),
                    term(people[1], "member", datetime.date(2017, 1, 1), datetime.date(2019, 1, 1)),
                ],
            )
            body = GoverningBody.objects.get(name=f"Organo {number}")
            translate_object(body, self.tree.english, lambda text: f"EN {text}")

        urls = {"/it/organi-sociali/": DETAIL_BUDGET, "/en/governance/": DETAIL_BUDGET}
        assert_queries_do_not_grow(self, list(urls), grow, few=1, many=6, ceilings=urls)
        self.assertIn("EN Organo 5", self.page_html("/en/governance/"))


class GovernanceAdminTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.editor, cls.manager, cls.translator = staff_team()
        cls.person = PersonFactory(name="Anna Esempio")
        cls.body = add_body(tree, "Consiglio direttivo", "Guida l'associazione.", translate=False)

    def body_form(self, **fields):
        return nested_form_data(
            {
                "name": "Assemblea dei soci",
                "description": "Riunisce tutti i soci.",
                "sort_order": "1",
                "terms": inline_formset(
                    [
                        {
                            "person": self.person.pk,
                            "role": "president",
                            "organisation": "",
                            "start": "01/03/2019",
                            "end": "",
                        }
                    ]
                ),
                **fields,
            }
        )

    def test_an_editor_adds_a_body_that_waits_for_approval(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            "/admin/snippets/members/governingbody/add/?locale=it",
            self.body_form(**{"action-submit": "submit"}),
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        body = GoverningBody.objects.get(name="Assemblea dei soci")
        self.assertFalse(body.live)
        self.assertEqual(body.locale, self.tree.italian)
        state = WorkflowState.objects.get(object_id=str(body.pk))
        self.assertEqual(state.status, "in_progress")
        revision = body.latest_revision.as_object()
        (office,) = revision.terms.all()
        self.assertEqual((office.person, office.role), (self.person, "president"))
        self.assertEqual(office.start, datetime.date(2019, 3, 1))

    def test_editors_find_bodies_in_italian_with_their_english_names(self):
        self.client.force_login(self.editor)
        listing = self.client.get(reverse("wagtailsnippets_members_governingbody:list"))
        self.assertContains(listing, "Consiglio direttivo")
        self.assertContains(listing, "Non ancora tradotto")
        form = self.client.get(reverse("wagtailsnippets_members_governingbody:add") + "?locale=it")
        self.assertContains(form, "Incarichi")
        self.assertContains(form, "terms-TOTAL_FORMS")

    def test_a_term_cannot_end_before_it_starts(self):
        self.client.force_login(self.editor)
        data = self.body_form()
        data["terms-0-end"] = "01/01/2019"
        response = self.client.post("/admin/snippets/members/governingbody/add/?locale=it", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Un mandato non può finire prima di cominciare.")
        self.assertFalse(GoverningBody.objects.filter(name="Assemblea dei soci").exists())

    def test_a_translator_translates_but_cannot_edit_the_italian_body(self):
        edit = reverse("wagtailsnippets_members_governingbody:edit", args=[self.body.pk])
        self.client.force_login(self.translator)
        self.assertIn(self.client.get(edit).status_code, {302, 403})
        english_body = translate_object(
            self.body, self.tree.english, lambda text: f"EN {text}", publish=False
        )
        english_edit = reverse("wagtailsnippets_members_governingbody:edit", args=[english_body.pk])
        self.assertEqual(self.client.get(english_edit).status_code, 200)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(edit).status_code, 200)

    def test_only_managers_publish_bodies(self):
        self.assertTrue(self.manager.has_perm("members.publish_governingbody"))
        self.assertFalse(self.editor.has_perm("members.publish_governingbody"))
        self.assertFalse(self.translator.has_perm("members.publish_governingbody"))
        self.assertTrue(self.editor.has_perm("members.change_governingbody"))

    def test_a_person_who_held_an_office_cannot_be_deleted_while_the_term_is_recorded(self):
        add_body(
            self.tree,
            "Assemblea dei soci",
            "Riunisce i soci.",
            translate=False,
            terms=[
                term(self.person, "member", datetime.date(2016, 3, 1), datetime.date(2019, 2, 28))
            ],
        )
        delete = reverse("wagtailsnippets_home_person:delete", args=[self.person.pk])
        self.client.force_login(self.manager)
        screen = self.client.get(delete)
        self.assertEqual(screen.status_code, 200)
        self.assertNotContains(screen, 'type="submit"')
        self.assertContains(screen, "Non si può eliminare questo elemento (persona)")
        self.client.post(delete)
        self.assertTrue(type(self.person).objects.filter(pk=self.person.pk).exists())
