"""Editors set a member's facts and areas of work in the organisation form."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import Organisation
from pillars.models import PillarPage
from tests.admin import staff_team
from tests.sites import BilingualSiteTestCase


class OrganisationFormTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")

    def test_editor_adds_a_member_with_its_areas_of_work(self):
        editor, _manager, _translator = staff_team()
        self.client.force_login(editor)
        data = nested_form_data(
            {
                "name": "Zeta Esempio",
                "slug": "",
                "kind": "member",
                "description": "Un socio di prova.",
                "website": "https://zeta.example/",
                "logo_alt": "",
                "member_type": "company",
                "sector": "pharma",
                "province": "CO",
                "city": "Como",
                "joined_year": "2019",
                "public_email": "",
                "listed": "on",
                "member_pillars": inline_formset([{"pillar": self.pillar.pk}]),
            }
        )
        response = self.client.post("/admin/snippets/home/organisation/add/?locale=it", data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        member = Organisation.objects.get(name="Zeta Esempio")
        self.assertEqual((member.slug, member.province), ("zeta-esempio", "CO"))
        self.assertEqual([link.pillar for link in member.member_pillars.all()], [self.pillar])
        form = self.client.get(f"/admin/snippets/home/organisation/edit/{member.pk}/")
        self.assertContains(form, "member_pillars-TOTAL_FORMS")
