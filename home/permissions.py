from wagtail.models import Locale
from wagtail.permission_policies.base import ModelPermissionPolicy

SOURCE_ACTIONS = {"change", "delete", "publish", "lock", "unlock"}


class SourceLanguagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that translators cannot touch the Italian source.

    Wagtail's snippet permissions are per model, not per language; translators
    need `change` to translate snippets with wagtail-localize, so the source
    language is fenced off here.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        from home.roles import is_translator_only

        if not self.user_has_permission(user, action):
            return False
        editing_source = instance.locale_id == Locale.get_default().pk
        return not (editing_source and action in SOURCE_ACTIONS and is_translator_only(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        from home.roles import is_translator_only

        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= SOURCE_ACTIONS and is_translator_only(user):
            instances = instances.exclude(locale=Locale.get_default())
        return instances
