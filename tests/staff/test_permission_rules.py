"""Who may read personal data and edit the Italian source is decided by permissions, not names."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from home.models import Organisation, SiteContent
from home.registry import moderated_models, personal_data_models
from services.models import ServicePage, ServiceRequest
from services.wagtail_hooks import only_readers_of_personal_data_see_requests
from staff.roles import MANAGERS, apply_roles
from tests.admin import make_user, staff_team, superuser
from tests.sites import BilingualSiteTestCase, build_bilingual_site


class PermissionRulesTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.service = tree.add(ServicePage, title="Sportello Europa", translate=False)
        groups = apply_roles()
        # Renamed in the admin: the names must not decide what the groups may do.
        for name, group in groups.items():
            group.name = f"{name} (rinominato)"
            group.save()
        cls.editor, cls.manager, cls.translator = staff_team(groups)

    def forms_listed_for(self, user):
        self.client.force_login(user)
        return self.client.get(reverse("wagtailforms:index"))

    def test_a_renamed_managers_group_still_reads_the_requests(self):
        self.assertContains(self.forms_listed_for(self.manager), "Sportello Europa")
        self.assertNotContains(self.forms_listed_for(self.editor), "Sportello Europa")

    def test_reading_requests_follows_the_view_permission(self):
        group = Group.objects.create(name="Segreteria")
        secretary = make_user("segreteria", group)
        forms = Page.objects.filter(pk=self.service.pk)
        self.assertFalse(only_readers_of_personal_data_see_requests(secretary, forms).exists())
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="services", codename="view_servicerequest"
            )
        )
        secretary = get_user_model().objects.get(pk=secretary.pk)
        self.assertTrue(only_readers_of_personal_data_see_requests(secretary, forms).exists())

    def test_a_renamed_translators_group_is_still_kept_off_the_italian_source(self):
        italian = SiteContent.objects.get(locale=self.tree.italian)
        url = reverse("wagtailsnippets_home_sitecontent:edit", args=[italian.pk])
        self.client.force_login(self.translator)
        self.assertIn(self.client.get(url).status_code, {302, 403})
        self.client.force_login(self.manager)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_the_source_language_is_a_permission_editors_and_managers_hold(self):
        self.assertTrue(self.editor.has_perm("home.edit_source_language"))
        self.assertTrue(self.manager.has_perm("home.edit_source_language"))
        self.assertFalse(self.translator.has_perm("home.edit_source_language"))
        admin = superuser("admin")
        italian = SiteContent.objects.get(locale=self.tree.italian)
        self.client.force_login(admin)
        url = reverse("wagtailsnippets_home_sitecontent:edit", args=[italian.pk])
        self.assertEqual(self.client.get(url).status_code, 200)


class RegistryTests(TestCase):
    def test_apps_register_what_home_needs_to_know(self):
        self.assertIn(ServiceRequest, personal_data_models)
        self.assertIn(Organisation, moderated_models)
        self.assertIn(SiteContent, moderated_models)

    def test_managers_get_reading_rights_on_every_registered_personal_data_model(self):
        build_bilingual_site(with_site_content=False)
        managers = apply_roles()[MANAGERS]
        for model in personal_data_models:
            with self.subTest(model=model.__name__):
                codename = f"view_{model._meta.model_name}"
                self.assertTrue(managers.permissions.filter(codename=codename).exists())
