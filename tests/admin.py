"""Working in the admin as staff do: logged in, filling in the page forms."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.blocks.base import BlockField
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from staff.roles import EDITORS, MANAGERS, TRANSLATORS, apply_roles
from tests.sites import BilingualSiteTestCase


def superuser(username="redazione"):
    """A user who may do anything, as the site's administrators may."""
    return get_user_model().objects.create_superuser(username, f"{username}@clls.example", "pw")


def make_user(username, *groups):
    """A user who may do what `groups` allow, and nothing else."""
    user = get_user_model().objects.create_user(username, f"{username}@clls.example", "pw")
    user.groups.add(*groups)
    return user


def staff_team(groups=None):
    """One user per role, as the demo site has them: (editor, manager, translator)."""
    groups = groups or apply_roles()
    return (
        make_user("redattore", groups[EDITORS]),
        make_user("responsabile", groups[MANAGERS]),
        make_user("traduttore", groups[TRANSLATORS]),
    )


def page_form(model, **fields):
    """The admin's form of a `model` page with `fields` filled in and the rest left empty.

    Inline panels and stream fields must be posted even when empty, or the form is refused.
    """
    form_class = model.get_edit_handler().get_form_class()
    empty = {name: inline_formset([]) for name in form_class.formsets}
    for name, field in form_class.base_fields.items():
        if isinstance(field, BlockField):
            empty[name] = streamfield([])
    return nested_form_data(empty | fields)


class EditorTestCase(BilingualSiteTestCase, WagtailPageTestCase):
    """Tests in the admin of the bilingual site, logged in as a superuser."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = superuser()

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def post_page_form(self, parent, model, **fields):
        """The admin's answer to the `model` page form filled in with `fields` under `parent`."""
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        return self.client.post(url, page_form(model, **fields))

    def create_in_admin(self, parent, model, **fields):
        """The page made by filling in `fields` of the admin's form for a `model` under `parent`."""
        self.assertCanCreate(parent, model, page_form(model, **fields))
        return model.objects.get(slug=fields["slug"])
