"""The visitor's side: the form, its result, and the personal cancel page.

These routes of the event page are never stored by the page cache (they use
the CSRF token and say `Cache-Control: private, no-store`) nor indexed.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from events.choices import RegistrationState, RegistrationStatus
from events.registration import service
from events.registration.forms import RegistrationForm, consent_wording
from events.registration.models import Registration
from events.registration.state import TAKING_REGISTRATIONS, registration_state
from home import urlfacts
from operations.public_forms import PublicFormGuard

REGISTRATION_GUARD = PublicFormGuard(scope="event-registration")
FORM_TEMPLATE = "events/registration/register.html"
CANCEL_TEMPLATE = "events/registration/cancel.html"


def _url_facts(event, request, title, urls_by_language):
    """Never indexed; named by its own address, and the form by its other language's form."""
    return urlfacts.view_facts(
        request,
        title=title,
        description=urlfacts.page_description(event),
        urls_by_language=urls_by_language,
        indexable=False,
    )


def _form_urls(event):
    """The registration form of each live version of the event, by language."""
    versions = [event, *event.get_translations().live().specific()]
    return {
        version.locale.language_code: version.registration_path()
        for version in versions
        if version.registers_on_site
    }


def _respond(event, request, template, context, status=200, url_facts=None):
    context = {"page": event, "self": event, "request": request, "url_facts": url_facts, **context}
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _check_route(event, language):
    """Each language's route exists only on that language's page, with on-site registration."""
    if event.locale.language_code != language or not event.registers_on_site:
        raise Http404


def _seats_left(record, source):
    if record is None or record.capacity is None:
        return None
    taken = Registration.objects.confirmed().filter(event=source).count()
    return max(record.capacity - taken, 0)


def register(event, request, language):
    _check_route(event, language)
    source = event.source_page()
    record = event.registration_settings_record()
    state = registration_state(event, record)
    questions = list(event.registration_questions.all())
    form = None
    status = 200
    outcome = None
    if state in TAKING_REGISTRATIONS:
        if request.method == "POST":
            form = RegistrationForm(request.POST, questions=questions)
            REGISTRATION_GUARD.check_body(request, form.max_values())
            if not REGISTRATION_GUARD.allow(request):
                form.is_valid()
                form.add_error(
                    None,
                    gettext(
                        "You have sent several registrations in a short time. This one has "
                        "not been sent: please try again in a few minutes."
                    ),
                )
                status = 429
            elif form.is_valid():
                outcome = service.register(
                    source,
                    data=form.core_data(),
                    answers=form.answers(),
                    language=translation.get_language(),
                    consent_text=consent_wording(),
                )
                if outcome.refused:
                    state = outcome.refused
                    form = None
                    record = service.record_for(source)
        else:
            form = RegistrationForm(questions=questions)
    elif request.method == "POST":
        status = 409
    context = {
        "form": form,
        "state": state,
        "states": RegistrationState,
        "outcome": outcome,
        "sent_to": outcome.registration.email if outcome and outcome.registration else "",
        "seats_left": _seats_left(record, source),
        "record": record,
        "privacy_page": event.privacy_page.localized if event.privacy_page else None,
    }
    title = gettext("Registration: %(title)s") % {"title": event.title}
    facts = _url_facts(event, request, title, _form_urls(event))
    return _respond(event, request, FORM_TEMPLATE, context, status, url_facts=facts)


def cancel(event, request, token, language):
    _check_route(event, language)
    registration = (
        Registration.objects.filter(
            cancel_token=token, event__translation_key=event.translation_key
        )
        .select_related("event")
        .first()
        if len(token) <= 64
        else None
    )
    # A personal address: it names only itself.
    title = gettext("Cancel registration: %(title)s") % {"title": event.title}
    facts = _url_facts(event, request, title, {language: request.path})
    if registration is None:
        return _respond(
            event, request, CANCEL_TEMPLATE, {"invalid": True}, status=404, url_facts=facts
        )
    done = False
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        service.cancel(registration)
        registration.refresh_from_db()
        done = True
    context = {"registration": registration, "done": done}
    return _respond(event, request, CANCEL_TEMPLATE, context, url_facts=facts)
