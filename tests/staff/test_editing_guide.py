"""The team's editing guide, in the admin, in the admin's language."""

from django.test import TestCase
from django.urls import reverse
from wagtail.users.models import UserProfile

from staff import guide
from staff.roles import EDITORS, TRANSLATORS, apply_roles
from tests.admin import make_user
from tests.sites import BilingualSiteTestCase


class EditingGuideFilesTests(TestCase):
    def test_italian_guide_has_the_english_guides_sections(self):
        english = guide.headings("en")
        assert len(english) > 10
        assert guide.headings("it") == english

    def test_raw_html_in_the_markdown_is_escaped(self):
        assert "<script" not in guide.guide_html("it")
        assert "<table>" in guide.guide_html("it")


class EditingGuideViewTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        groups = apply_roles()
        cls.editor = make_user("redattore", groups[EDITORS])
        cls.translator = make_user("traduttore", groups[TRANSLATORS])
        profile = UserProfile.get_for_user(cls.translator)
        profile.preferred_language = "en"
        profile.save()

    def test_italian_staff_read_the_italian_guide(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("editing_guide"))
        self.assertContains(response, "<h2>Flusso di approvazione</h2>", html=True)
        self.assertNotContains(response, "Approval workflow")

    def test_english_staff_read_the_english_guide(self):
        self.client.force_login(self.translator)
        response = self.client.get(reverse("editing_guide"))
        self.assertContains(response, "<h2>Approval workflow</h2>", html=True)
        self.assertContains(response, "<title>Editing guide")

    def test_the_guide_needs_a_login(self):
        response = self.client.get(reverse("editing_guide"))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_help_menu_and_dashboard_lead_to_our_guide_not_wagtails(self):
        self.client.force_login(self.editor)
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        assert "guide.wagtail.org" not in html
        assert reverse("editing_guide") in html
        assert "Guida alla redazione" in html
