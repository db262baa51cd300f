import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import TranslatableMixin

from events.choices import RegistrationStatus
from home.fields import choice_field, synchronised, translated


def new_cancel_token():
    return secrets.token_urlsafe(32)


class RegistrationQuestion(TranslatableMixin, AbstractFormField):
    """An extra question of an event's registration form, added by the editor.

    Labels, help texts and choices are translated with the page; the key
    (clean_name) is synchronised, so that answers in both languages share a column.
    """

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registration_questions"
    )

    translatable_fields = [
        *translated("label", "help_text", "choices", "default_value"),
        *synchronised("field_type", "required", "clean_name"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")


class RegistrationSettings(models.Model):
    """Seats and dates of an event's on-site registration, shared by its languages.

    One row per event, keyed to the Italian source page. `is_full` is kept by
    the registrations themselves, under the row's lock, so that the event page
    (which shows only the state) is purged from the page cache when it flips.
    """

    event = models.OneToOneField(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registration_settings",
        verbose_name=_("event"),
    )
    opens_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration opens"),
        help_text=_("Leave empty to open registration as soon as the event is published."),
    )
    closes_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration closes"),
        help_text=_("Leave empty to close at the event's registration deadline, or its start."),
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("seats"),
        help_text=_("Leave empty for no limit."),
    )
    waiting_list = models.BooleanField(
        default=True,
        verbose_name=_("waiting list"),
        help_text=_("When the seats are taken, let people join a waiting list."),
    )
    closed_by_hand = models.BooleanField(
        default=False,
        verbose_name=_("registration closed by staff"),
    )
    is_full = models.BooleanField(default=False, editable=False)
    # What registered people were last told of the event: a change of these is
    # announced to them by e-mail (events.registration.notices).
    announced_status = models.CharField(max_length=20, blank=True, editable=False)
    announced_starts_at = models.DateTimeField(null=True, blank=True, editable=False)
    announced_ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The venue and online link as one line: "" is no place, None (hence null) is a
    # record made before places were kept, with nothing to compare with yet.
    announced_place = models.CharField(  # noqa: DJ001
        max_length=600, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")

    def __str__(self):
        return str(self.event)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    """One person's registration for an event, with the consent they gave."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    first_name = models.CharField(max_length=100, verbose_name=_("first name"))
    last_name = models.CharField(max_length=100, verbose_name=_("surname"))
    # Lower-cased, so that one person's rows are found, exported and erased together.
    email = models.EmailField(db_index=True, verbose_name=_("e-mail"))
    organisation = models.CharField(max_length=200, blank=True, verbose_name=_("organisation"))
    answers = models.JSONField(default=dict, blank=True, verbose_name=_("answers"))
    language = models.CharField(max_length=10, verbose_name=_("language"))
    status = choice_field(RegistrationStatus, _("status"), default=RegistrationStatus.CONFIRMED)
    consent_text = models.TextField(verbose_name=_("consent wording"))
    consent_given_at = models.DateTimeField(verbose_name=_("consent given at"))
    cancel_token = models.CharField(
        max_length=64, unique=True, default=new_cancel_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("created"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled at"))
    promoted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("moved from the waiting list at")
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status=RegistrationStatus.CANCELLED),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def waiting_place(self):
        """1 for the first on the waiting list; None when not waiting."""
        if self.status != RegistrationStatus.WAITING:
            return None
        earlier = (
            Registration.objects.waiting()
            .filter(event_id=self.event_id)
            .filter(
                models.Q(created_at__lt=self.created_at)
                | models.Q(created_at=self.created_at, pk__lt=self.pk)
            )
        )
        return earlier.count() + 1
