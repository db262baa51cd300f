from wagtail.models import Locale, PagePermissionTester
from wagtail.permission_policies.base import ModelPermissionPolicy

SOURCE_ACTIONS = {"change", "delete", "publish", "lock", "unlock"}


EDIT_SOURCE_LANGUAGE = "home.edit_source_language"


def may_edit_source_language(user):
    """Whether `user` may change the Italian source (superusers always may)."""
    return user.has_perm(EDIT_SOURCE_LANGUAGE)


class SourceLanguagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus `home.edit_source_language` to touch the Italian source.

    Wagtail's snippet permissions are per model, not per language; translators
    need `change` to translate snippets with wagtail-localize, so the source
    language is fenced off here, by a permission rather than by group names.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        editing_source = instance.locale_id == Locale.get_default().pk
        return not (
            editing_source and action in SOURCE_ACTIONS and not may_edit_source_language(user)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= SOURCE_ACTIONS and not may_edit_source_language(user):
            instances = instances.exclude(locale=Locale.get_default())
        return instances


class SitePagePermissionTester(PagePermissionTester):
    """Wagtail's page rules, plus: only who may publish a translation may delete it.

    Translators hold `change` on the English tree, which would let them delete
    their unpublished translations; in the translation editor that made
    *Delete* their main button instead of submitting for approval.
    """

    def can_delete(self, ignore_bulk=False):
        translation = self.page.locale_id != Locale.get_default().pk
        if translation and not self.can_publish():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)
