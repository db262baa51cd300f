from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home.models import Organisation, Person, SiteContent
        from home.registry import moderated_models

        for model in (SiteContent, Organisation, Person):
            moderated_models.register(model)
