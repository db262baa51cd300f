from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Services for members")

    def ready(self):
        from home.registry import field_equals, personal_data_models
        from services.models import ServicePage, ServiceRequest
        from services.views import RequestSubmissionsListView

        # Wagtail's views module needs the models loaded, so the class is set here.
        ServicePage.submissions_list_view_class = RequestSubmissionsListView

        personal_data_models.register(
            ServiceRequest, email_filter=field_equals("email"), date_field="submit_time"
        )
