from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail.users.models import UserProfile

from home.models import TaggedPageMixin, translate_page_tags


@receiver(post_save, sender=get_user_model())
def speak_italian_to_new_staff(sender, instance, created, **kwargs):
    """The admin speaks Italian by default, whatever the browser asks; English is a preference."""
    if created:
        profile = UserProfile.get_for_user(instance)
        if not profile.preferred_language:
            profile.preferred_language = settings.LANGUAGE_CODE
            profile.save(update_fields=["preferred_language"])


@receiver(page_published)
def translate_tags_of_published_translation(sender, instance, **kwargs):
    """A published translation brings the tag names its translator wrote (manager or workflow)."""
    if isinstance(instance, TaggedPageMixin) and instance.locale_id != Locale.get_default().pk:
        translate_page_tags(instance)
