"""The staff roles as groups, with exactly the permissions each needs.

`apply_roles()` is idempotent: it creates what is missing and puts every
group's permissions back to what this file says, so it can run on every
deployment (`manage.py setup_roles`) and from the demo-site builder.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.registry import moderated_models, personal_data_models

EDITORS = "Redattori"
MANAGERS = "Responsabili della comunicazione"
TRANSLATORS = "Traduttori"
WORKFLOW_NAME = "Approvazione dei responsabili"
TASK_NAME = "Revisione dei responsabili"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
# Held by editors and managers, not translators: the Italian source of snippets
# is fenced off by this permission (home.permissions), never by group names.
EDIT_SOURCE = ("home", "edit_source_language")
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
# Groups Wagtail's own migrations create; replaced by the three roles above.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

# Roles that must use two-step verification when REQUIRE_2FA is on (staff.two_factor):
# a property of the role, not a permission, so it is kept with the roles.
TWO_FACTOR_ROLES = (MANAGERS,)

# Model permissions (app label, codename) per role, outside the page tree.
MODEL_PERMISSIONS = {
    EDITORS: [
        ADMIN_ACCESS,
        EDIT_SOURCE,
        ("home", "add_organisation"),
        ("home", "change_organisation"),
        ("home", "add_person"),
        ("home", "change_person"),
        ("home", "add_tag"),
        ("home", "change_tag"),
        ("members", "add_governingbody"),
        ("members", "change_governingbody"),
        SUBMIT_TRANSLATION,
    ],
    MANAGERS: [
        ADMIN_ACCESS,
        EDIT_SOURCE,
        ("home", "add_organisation"),
        ("home", "change_organisation"),
        ("home", "delete_organisation"),
        ("home", "add_person"),
        ("home", "change_person"),
        ("home", "delete_person"),
        ("home", "add_tag"),
        ("home", "change_tag"),
        ("home", "delete_tag"),
        ("members", "add_governingbody"),
        ("members", "change_governingbody"),
        ("members", "delete_governingbody"),
        ("members", "publish_governingbody"),
        ("members", "unlock_governingbody"),
        ("home", "add_sitecontent"),
        ("home", "change_sitecontent"),
        ("home", "publish_sitecontent"),
        ("home", "publish_organisation"),
        ("home", "publish_person"),
        ("home", "unlock_sitecontent"),
        ("home", "unlock_organisation"),
        ("home", "unlock_person"),
        SUBMIT_TRANSLATION,
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        # The failed-logins screen (staff.logins): see and unlock locked accounts.
        ("axes", "view_accessattempt"),
        ("axes", "delete_accessattempt"),
        # Seats, dates and closing of on-site event registration, and writing to
        # the registered (the list itself is personal data, given below).
        ("events", "change_registrationsettings"),
    ],
    # Translators translate tags and snippets through wagtail-localize, which
    # needs the model's change permission (Wagtail cannot scope it by language).
    TRANSLATORS: [
        ADMIN_ACCESS,
        ("home", "change_tag"),
        ("home", "add_tag"),
        ("home", "change_organisation"),
        ("home", "add_organisation"),
        ("home", "change_person"),
        ("home", "add_person"),
        ("home", "change_sitecontent"),
        ("home", "add_sitecontent"),
        ("members", "change_governingbody"),
        ("members", "add_governingbody"),
        SUBMIT_TRANSLATION,
    ],
}

# Page permissions per role, by the language of the home they apply to
# (None: the whole tree, both languages).
PAGE_PERMISSIONS = {
    EDITORS: {"it": ["add_page", "change_page"]},
    MANAGERS: {
        None: [
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ]
    },
    TRANSLATORS: {"en": ["add_page", "change_page"]},
}

COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    MANAGERS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ],
    TRANSLATORS: [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
}


def model_permissions(role):
    """The role's model permissions: this file's, plus reading personal data for managers."""
    permissions = list(MODEL_PERMISSIONS[role])
    if role == MANAGERS:
        # Visitors' personal data is read, exported and erased by managers only
        # (home.registry; the personal-data screen of operations).
        for model in personal_data_models:
            for action in ("view", "delete"):
                permissions.append((model._meta.app_label, f"{action}_{model._meta.model_name}"))
    return permissions


def requires_two_factor(user):
    """Superusers and members of TWO_FACTOR_ROLES: those who must use a second factor."""
    return user.is_superuser or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()


def _permission(app_label, codename):
    if (app_label, codename) == SUBMIT_TRANSLATION:
        return _submit_translation_permission()
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _submit_translation_permission():
    # wagtail-localize creates this permission in a data migration only, so a
    # flushed database (transactional tests) loses it: make sure it exists.
    content_type = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )[0]
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )[0]


def _page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _homes(language_code):
    """The pages a page permission is given on: the home(s) of a language, or the root."""
    root = Page.get_first_root_node()
    if language_code is None:
        return [root]
    locale = Locale.objects.filter(language_code=language_code).first()
    return list(root.get_children().filter(locale=locale)) if locale else []


def apply_roles():
    """Create or update the three groups and the approval workflow; return the groups."""
    groups = {}
    # Wagtail's migrations create the root collection; a flushed database has none.
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for name in MODEL_PERMISSIONS:
        group = Group.objects.get_or_create(name=name)[0]
        group.permissions.set([_permission(*perm) for perm in model_permissions(name)])
        GroupPagePermission.objects.filter(group=group).delete()
        for language_code, codenames in PAGE_PERMISSIONS[name].items():
            for page in _homes(language_code):
                for codename in codenames:
                    GroupPagePermission.objects.create(
                        group=group, page=page, permission=_page_permission(codename)
                    )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=_permission(app_label, codename)
            )
        groups[name] = group
    apply_workflow(groups[MANAGERS])
    # Wagtail's default groups would give page rights outside these rules.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    return groups


def apply_workflow(managers):
    """Every page, in both languages, goes live only once a manager approves it."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([managers])
    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME)[0]
    if list(workflow.tasks.values_list("pk", flat=True)) != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in moderated_models:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow
