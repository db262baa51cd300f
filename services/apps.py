from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Services for members")

    def ready(self):
        from home.registry import field_equals, personal_data_models
        from services.models import ServiceRequest

        personal_data_models.register(
            ServiceRequest, email_filter=field_equals("email"), date_field="submit_time"
        )
