"""The staff's side of registration, in the admin: counts, list, exports, e-mails, settings.

Registrations are visitors' personal data: only users with the view permission
on them (the managers' role, staff.roles) see these screens; changing the
settings, closing by hand and writing to everyone also need the change
permission on the settings.
"""

import csv
import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from events.choices import RegistrationMode, RegistrationStatus
from events.registration import emails, service
from events.registration.models import Registration, RegistrationSettings
from operations.exports import neutralise

VIEW_REGISTRATIONS = "events.view_registration"
CHANGE_SETTINGS = "events.change_registrationsettings"


def may_view(user):
    return user.has_perm(VIEW_REGISTRATIONS)


def may_manage(user):
    return user.has_perm(VIEW_REGISTRATIONS) and user.has_perm(CHANGE_SETTINGS)


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def source_events(event_model):
    """The Italian events with on-site registration, newest first, with their counts."""
    return (
        event_model.objects.filter(
            registration_mode=RegistrationMode.ON_SITE,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .annotate(
            registered=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
            cancelled=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CANCELLED)
            ),
        )
        .select_related("registration_settings")
        .order_by("-starts_at")
    )


def counts(event, record):
    by_status = dict(
        Registration.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    registered = by_status.get(RegistrationStatus.CONFIRMED, 0)
    seats_left = None if record.capacity is None else max(record.capacity - registered, 0)
    return {
        "registered": registered,
        "waiting": by_status.get(RegistrationStatus.WAITING, 0),
        "cancelled": by_status.get(RegistrationStatus.CANCELLED, 0),
        "seats_left": seats_left,
    }


class SettingsForm(forms.ModelForm):
    class Meta:
        model = RegistrationSettings
        fields = ["opens_at", "closes_at", "capacity", "waiting_list", "closed_by_hand"]


class MessageForm(forms.Form):
    """One message, written by the manager in each language; each person gets theirs."""

    subject_it = forms.CharField(max_length=200, label=gettext_lazy("Subject (Italian)"))
    text_it = forms.CharField(widget=forms.Textarea, label=gettext_lazy("Message (Italian)"))
    subject_en = forms.CharField(max_length=200, label=gettext_lazy("Subject (English)"))
    text_en = forms.CharField(widget=forms.Textarea, label=gettext_lazy("Message (English)"))


def index_view(request, event_model):
    _require(may_view(request.user))
    return TemplateResponse(
        request,
        "events/registration/admin/index.html",
        {"events": source_events(event_model)},
    )


def event_view(request, event_model, event_id):
    _require(may_view(request.user))
    event = get_object_or_404(
        event_model, pk=event_id, locale__language_code=settings.LANGUAGE_CODE
    )
    record = service.record_for(event)
    settings_form = SettingsForm(instance=record, prefix="settings")
    message_form = MessageForm(prefix="message")
    if request.method == "POST":
        _require(may_manage(request.user))
        if "save_settings" in request.POST:
            settings_form = SettingsForm(request.POST, instance=record, prefix="settings")
            if settings_form.is_valid():
                settings_form.save()
                service.recount(record)
                messages.success(request, _("Registration settings saved."))
                return redirect(request.path)
        elif "send_message" in request.POST:
            message_form = MessageForm(request.POST, prefix="message")
            if message_form.is_valid():
                sent = send_to_registered(event, message_form.cleaned_data)
                messages.success(
                    request, _("Message written to %(count)s people.") % {"count": sent}
                )
                return redirect(request.path)
    return TemplateResponse(
        request,
        "events/registration/admin/event.html",
        {
            "event": event,
            "record": record,
            "counts": counts(event, record),
            "registrations": Registration.objects.filter(event=event).order_by(
                "status", "created_at", "pk"
            ),
            "settings_form": settings_form,
            "message_form": message_form,
            "may_manage": may_manage(request.user),
        },
    )


def send_to_registered(event, data):
    """The manager's message to everyone with a seat, each in their language, via the outbox."""
    people = list(Registration.objects.confirmed().filter(event=event))
    with transaction.atomic():
        for registration in people:
            language = "en" if registration.language == "en" else "it"
            emails.send_message(registration, data[f"subject_{language}"], data[f"text_{language}"])
    return len(people)


# Exports -------------------------------------------------------------------------


def export_rows(event):
    """Header and rows of the list at the door: core fields, answers, status, language."""
    questions = list(event.registration_questions.order_by("sort_order"))
    header = [
        _("Surname"),
        _("First name"),
        _("E-mail"),
        _("Organisation"),
        *[question.label for question in questions],
        _("Status"),
        _("Language"),
        _("Registered on"),
    ]
    rows = []
    registrations = Registration.objects.filter(event=event).order_by("last_name", "first_name")
    for registration in registrations:
        rows.append(
            [
                registration.last_name,
                registration.first_name,
                registration.email,
                registration.organisation,
                *[str(registration.answers.get(q.clean_name, "")) for q in questions],
                registration.get_status_display(),
                registration.language,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return header, [[neutralise(value) for value in row] for row in rows]


def export_view(request, event_model, event_id, export_format):
    _require(may_view(request.user))
    if export_format not in {"csv", "xlsx"}:
        raise Http404
    event = get_object_or_404(
        event_model, pk=event_id, locale__language_code=settings.LANGUAGE_CODE
    )
    header, rows = export_rows(event)
    filename = f"iscrizioni-{event.slug}"
    if export_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
