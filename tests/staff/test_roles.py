"""Staff roles, the approval workflow and scheduled publication."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import rich_text, streamfield

from home.models import SiteContent, StandardPage
from staff.roles import apply_roles
from tests.admin import page_form, staff_team
from tests.sites import BilingualSiteTestCase


class RolesTestCase(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.editor, cls.manager, cls.translator = staff_team()


class PermissionMatrixTests(RolesTestCase):
    def can(self, user, page):
        perms = page.permissions_for_user(user)
        return {
            "edit": perms.can_edit(),
            "publish": perms.can_publish(),
            "add": perms.can_add_subpage(),
        }

    def test_roles_are_kept_up_to_date_idempotently(self):
        before = (Group.objects.count(), GroupPagePermission.objects.count())
        apply_roles()
        self.assertEqual((Group.objects.count(), GroupPagePermission.objects.count()), before)

    def test_page_permissions_per_role_and_language(self):
        italian, english_page = self.tree.it_about, self.tree.en_about
        expected = {
            self.editor: (
                {"edit": True, "publish": False, "add": True},
                {"edit": False, "publish": False, "add": False},
            ),
            self.manager: (
                {"edit": True, "publish": True, "add": True},
                {"edit": True, "publish": True, "add": True},
            ),
            self.translator: (
                {"edit": False, "publish": False, "add": False},
                {"edit": True, "publish": False, "add": True},
            ),
        }
        for user, (on_italian, on_english) in expected.items():
            with self.subTest(user=user.username):
                self.assertEqual(self.can(user, italian), on_italian)
                self.assertEqual(self.can(user, english_page), on_english)

    def test_snippet_settings_and_translation_permissions(self):
        policy = policy_registry.get_by_type(SiteContent)
        self.assertIsNot(type(policy), ModelPermissionPolicy)
        italian = SiteContent.objects.get(locale=self.tree.italian)
        english_content = SiteContent.objects.get(locale=self.tree.english)
        self.assertFalse(policy.user_has_permission(self.editor, "change"))
        self.assertTrue(policy.user_has_permission_for_instance(self.manager, "change", italian))
        self.assertTrue(policy.user_has_permission(self.manager, "publish"))
        self.assertFalse(
            policy.user_has_permission_for_instance(self.translator, "change", italian)
        )
        self.assertTrue(
            policy.user_has_permission_for_instance(self.translator, "change", english_content)
        )
        self.assertFalse(policy.user_has_permission(self.translator, "publish"))
        for user in (self.editor, self.manager, self.translator):
            self.assertTrue(user.has_perm("wagtail_localize.submit_translation"))

    def test_translator_cannot_open_the_italian_editor(self):
        self.client.force_login(self.translator)
        italian_edit = reverse("wagtailadmin_pages:edit", args=[self.tree.it_about.pk])
        self.assertIn(self.client.get(italian_edit).status_code, {302, 403})
        url = reverse(
            "wagtailsnippets_home_sitecontent:edit",
            args=[SiteContent.objects.get(locale=self.tree.italian).pk],
        )
        self.assertIn(self.client.get(url).status_code, {302, 403})
        self.client.force_login(self.manager)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_editor_cannot_publish_and_cannot_read_requests(self):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", self.tree.it_home.pk))
        data = page_form(
            StandardPage,
            title="Bozza",
            slug="bozza",
            body=streamfield([("paragraph", rich_text("<p>Testo.</p>"))]),
            **{"action-publish": "publish"},
        )
        self.client.post(url, data)
        page = StandardPage.objects.get(slug="bozza")
        self.assertFalse(page.live)
        self.assertEqual(self.client.get(reverse("wagtailforms:index")).status_code, 200)
        self.assertNotContains(self.client.get(reverse("wagtailforms:index")), "Sportello")

    def test_admin_speaks_italian_by_default_and_english_on_request(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(response, 'lang="it"')
        profile = self.editor.wagtail_userprofile
        profile.preferred_language = "en"
        profile.save()
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), 'lang="en"')


def recipients():
    return [address for message in mail.outbox for address in message.to]


class WorkflowTests(RolesTestCase):
    def draft(self, slug):
        return self.tree.add(StandardPage, slug=slug, live=False, translate=False)

    def submit(self, page, user):
        page.save_revision(user=user)
        return page.get_workflow().start(page, user)

    def decide(self, slug, action):
        """A page the editor submitted, after the manager's `action`; only its mail is kept."""
        page = self.draft(slug)
        state = self.submit(page, self.editor)
        mail.outbox.clear()
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state.specific, self.manager, action)
        page.refresh_from_db()
        return page

    def test_editor_submits_and_managers_are_told(self):
        page = self.draft("nuova")
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = page_form(
            StandardPage, title="Nuova pagina", slug="nuova", **{"action-submit": "submit"}
        )
        self.client.post(url, data)
        page.refresh_from_db()
        self.assertEqual(page.current_workflow_state.status, "in_progress")
        self.assertFalse(page.live)
        self.assertIn("responsabile@clls.example", recipients())

    def test_manager_approves_and_the_page_goes_live(self):
        page = self.decide("approvata", "approve")
        self.assertTrue(page.live)
        self.assertIn("redattore@clls.example", recipients())

    def test_manager_rejects_and_the_editor_is_told(self):
        page = self.decide("respinta", "reject")
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_state.status, "needs_changes")
        self.assertIn("redattore@clls.example", recipients())

    def test_an_editor_cannot_approve(self):
        page = self.draft("non-approvabile")
        state = self.submit(page, self.editor)
        actions = state.current_task_state.task.specific.get_actions(page, self.editor)
        self.assertEqual(actions, [])
        self.assertTrue(state.current_task_state.task.specific.get_actions(page, self.manager))


class ScheduledPublicationTests(RolesTestCase):
    def test_due_pages_go_live_and_expired_ones_go_offline(self):
        due = self.tree.add(StandardPage, slug="programmata", live=False, translate=False)
        due.save_revision(
            user=self.manager, approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        expiring = self.tree.add(StandardPage, slug="in-scadenza", translate=False)
        Page.objects.filter(pk=expiring.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        call_command("publish_scheduled", verbosity=0)
        due.refresh_from_db()
        expiring.refresh_from_db()
        self.assertTrue(due.live)
        self.assertFalse(expiring.live)
        self.assertTrue(expiring.expired)
