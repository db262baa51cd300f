"""The personal-data screen: a manager answers an access or erasure request in the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.registry import personal_data_models
from operations.personal_data import erase, export, normalise, rows_of


def may_handle_personal_data(user):
    """Reading and deleting every registered model's rows: managers and superusers."""
    return all(
        user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
        for model in personal_data_models
        for action in ("view", "delete")
    )


class AddressForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))


def personal_data_view(request):
    """Find what the site keeps about an address, then export it or erase it."""
    if not may_handle_personal_data(request.user):
        raise PermissionDenied
    form = AddressForm(request.POST or request.GET or None)
    found = None
    if form.is_valid():
        email = normalise(form.cleaned_data["email"])
        if request.method == "POST" and "export" in request.POST:
            response = HttpResponse(export(email), content_type="application/json")
            response["Content-Disposition"] = f'attachment; filename="personal-data-{email}.json"'
            return response
        if request.method == "POST" and "erase" in request.POST:
            if not request.POST.get("confirm"):
                messages.error(request, _("Tick the confirmation before erasing."))
                return redirect(f"{request.path}?email={email}")
            erased = sum(erase(email).values())
            messages.success(
                request,
                _("%(count)d records about %(email)s have been erased.")
                % {"count": erased, "email": email},
            )
            return redirect("personal_data")
        found = [(model._meta.verbose_name_plural, rows.count()) for model, rows in rows_of(email)]
    return TemplateResponse(
        request, "operations/admin/personal_data.html", {"form": form, "found": found}
    )
