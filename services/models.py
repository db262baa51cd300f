import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.blocks import BodyBlock
from home.fields import optional_link, synchronised, translated
from home.models import BasePage, BodyPage
from operations.public_forms import PublicFormGuard
from services.forms import RequestFormBuilder

logger = logging.getLogger(__name__)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Every service's form shares one count of posts per address.
REQUEST_FORM_GUARD = PublicFormGuard(scope="service-request")
MULTIPLE_CHOICE_FIELDS = {"checkboxes", "multiselect"}


class ServiceIndexPage(BodyPage):
    """The services the cluster offers its members."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("services index")
        verbose_name_plural = _("services indexes")


class ServiceFormField(TranslatableMixin, AbstractFormField):
    """A field of a service's request form.

    Labels, help texts and choices are translated; the key (clean_name) is
    synchronised, so that submissions of both languages share their columns.
    """

    page = ParentalKey("services.ServicePage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        *translated("label", "help_text", "choices", "default_value"),
        *synchronised("field_type", "required", "clean_name"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ServiceRequest(AbstractFormSubmission):
    """A request sent through a service's form, with the consent the visitor gave."""

    language = models.CharField(max_length=10, verbose_name=_("language"))
    # The visitor's address, lower-cased, so that one person's requests can be
    # found, exported and erased (operations.personal_data).
    email = models.EmailField(blank=True, db_index=True, verbose_name=_("e-mail"))
    consent_given_at = models.DateTimeField(verbose_name=_("consent given at"))
    consent_text = models.TextField(verbose_name=_("consent wording"))

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")

    def get_data(self):
        return {
            **super().get_data(),
            "language": self.language,
            "consent_given_at": self.consent_given_at,
            "consent_text": self.consent_text,
        }


class ServicePage(AbstractEmailForm, BasePage):
    """A service for members: what it is, who can use it, how it works, and a request form."""

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    landing_page_template = "services/service_page_landing.html"
    form_builder = RequestFormBuilder

    audience = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("who can use it"),
    )
    how_it_works = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("how it works")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more about the service"))
    form_intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("form introduction"),
        help_text=_("Shown above the request form."),
    )
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("thank-you message"),
        help_text=_("Shown once a request has been sent."),
    )
    privacy_page = optional_link(
        "wagtailcore.Page",
        _("privacy notice"),
        help_text=_("The page the consent checkbox links to."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("audience"),
        FieldPanel("how_it_works"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FormSubmissionsPanel(),
                FieldPanel("form_intro"),
                InlinePanel("form_fields", label=_("form field")),
                FieldPanel("privacy_page"),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Request form"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification e-mail"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("audience"),
        index.SearchField("how_it_works"),
        index.SearchField("body"),
    ]

    # E-mail addresses are synchronised and never reach translators; the
    # privacy page follows the source and is shown in the visitor's language.
    translatable_fields = [
        *BasePage.translatable_fields,
        *translated(
            "audience",
            "how_it_works",
            "body",
            "form_intro",
            "thank_you_text",
            "subject",
            "form_fields",
        ),
        *synchronised("to_address", "from_address", "privacy_page"),
    ]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def localized_privacy_page(self):
        return self.privacy_page.localized if self.privacy_page else None

    def consent_label(self):
        """The consent wording in the visitor's language, naming the notice it refers to."""
        label = gettext(
            "I have read the privacy notice and agree that the Cluster uses my data "
            "to answer this request."
        )
        privacy_page = self.localized_privacy_page()
        if privacy_page:
            return f"{label} ({privacy_page.full_url})"
        return label

    def get_form_parameters(self):
        return {"consent_label": self.consent_label()}

    def get_submission_class(self):
        return ServiceRequest

    def get_submissions(self):
        return ServiceRequest.objects.filter(page=self.source_page())

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("language", _("Language")),
            ("consent_given_at", _("Consent given at")),
            ("consent_text", _("Consent wording")),
        ]

    def process_form_submission(self, form):
        """Store the request first; a failing e-mail is logged and never loses it."""
        data = form.request_data()
        submission = ServiceRequest.objects.create(
            form_data=data,
            email=self.visitor_email(data),
            page=self.source_page(),
            language=translation.get_language(),
            consent_given_at=timezone.now(),
            consent_text=form.consent_label,
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception(
                    "The notification for request %s of “%s” could not be sent; "
                    "the request is stored.",
                    submission.pk,
                    self.title,
                )
        return submission

    def visitor_email(self, data):
        """The address given in the form's first e-mail field, lower-cased ("" when none)."""
        for field in self.get_form_fields():
            value = data.get(field.clean_name)
            if field.field_type == "email" and isinstance(value, str) and value.strip():
                return value.strip().lower()
        return ""

    def render_email(self, form):
        lines = [f"{field.label}: {value}" for field, value in self._email_values(form)]
        lines.append(f"{gettext('Language')}: {translation.get_language()}")
        return "\n".join(lines)

    def _email_values(self, form):
        data = form.request_data()
        for field in form.visitor_fields:
            if field.name in data:
                value = data[field.name]
                yield field, ", ".join(value) if isinstance(value, list) else value

    def max_posted_values(self):
        """How many values the form's own fields can post: one each, or one per choice."""
        fields = self.get_form_fields()
        builder = self.form_builder(fields)
        return sum(
            len(builder.get_formatted_field_choices(field))
            if field.field_type in MULTIPLE_CHOICE_FIELDS
            else 1
            for field in fields
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            REQUEST_FORM_GUARD.check_body(request, self.max_posted_values())
            if not REQUEST_FORM_GUARD.allow(request):
                return self.serve_rate_limited(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def serve_rate_limited(self, request, *args, **kwargs):
        """The form again, with what the visitor typed and why it was not sent (HTTP 429)."""
        form = self.get_form(request.POST, page=self, user=request.user)
        form.is_valid()
        form.add_error(
            None,
            gettext(
                "You have sent several requests in a short time. Your request has not been "
                "sent: please try again in a few minutes."
            ),
        )
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=429)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_page"] = self.localized_privacy_page()
        return context
