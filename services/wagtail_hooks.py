from wagtail import hooks

from services.models import ServiceRequest

VIEW_REQUESTS = f"{ServiceRequest._meta.app_label}.view_{ServiceRequest._meta.model_name}"


@hooks.register("filter_form_submissions_for_user")
def only_readers_of_personal_data_see_requests(user, editable_forms):
    """Requests hold visitors' personal data: only those allowed to read them see them."""
    if user.has_perm(VIEW_REQUESTS):
        return editable_forms
    return editable_forms.none()
