import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from events.blocks import ProgrammeBlock
from events.calendar import calendar_response
from events.choices import AttendanceMode, EventStatus, OrganiserRole, RegistrationMode
from events.registration import views as registration_views
from events.registration.models import (  # noqa: F401 (models of this app)
    Registration,
    RegistrationQuestion,
    RegistrationSettings,
)
from events.registration.state import registration_state, settings_of
from events.structured_data import event_structured_data
from home.blocks import BodyBlock
from home.fields import choice_field, optional_link, overridable, synchronised, translated
from home.formats import date_range
from home.listings import ListingPageMixin, year_rule
from home.localization import localized_objects
from home.models import BasePage, PageTag, TaggedPageMixin, page_tags
from pillars.forms import PillarChoiceForm
from pillars.models import PillarItemQuerySet, PillarLink, PillarsMixin


class EventIndexPage(ListingPageMixin, BasePage):
    """One language's events: what is coming, soonest first, and an archive by year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    list_name = "event_list"
    date_field = "start_date"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        """Live, public events of this index's language, ready for cards."""
        return EventPage.objects.for_cards().child_of(self).in_language_of(self)

    def upcoming_events(self, now=None):
        return self.events().upcoming(now)

    def past_events(self, now=None):
        return self.events().past(now)

    def listed_items(self):
        return self.upcoming_events()

    def cards(self, items):
        """Mark the events taking registrations on this site: one query for the whole page."""
        items = list(items)
        on_site = [item for item in items if item.registers_on_site]
        if on_site:
            records = {
                record.event.translation_key: record
                for record in RegistrationSettings.objects.filter(
                    event__translation_key__in=[item.translation_key for item in on_site],
                    event__locale__language_code=settings.LANGUAGE_CODE,
                ).select_related("event")
            }
            for item in on_site:
                item._registration_record = records.get(item.translation_key)
        return items

    def archived_items(self):
        return self.past_events()

    @path("feed/ical/", name="ical")
    def ical_view(self, request):
        return calendar_response(
            request,
            list(self.upcoming_events()),
            name=self.title,
            filename=f"{self.slug}.ics",
            language=self.locale.language_code,
        )


def year_title(index, year):
    return gettext("Events of %(year)s") % {"year": year}


def year_description(index, year):
    return gettext("Past events of %(year)s of the Lombardy Life Sciences Cluster.") % {
        "year": year
    }


YEAR_RULE = year_rule(title=year_title, description=year_description)


class EventPageQuerySet(PillarItemQuerySet):
    def for_cards(self):
        """Live, public events with what a card shows, bodies and programmes left out."""
        return super().for_cards().select_related("locale")

    def upcoming(self, now=None):
        """Events not yet over (happening now included), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Events that are over, newest first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_organisation(self, organisation):
        """Events `organisation` organises or partners, whichever language's record they name."""
        return self.filter(
            organisers__organisation__translation_key=organisation.translation_key
        ).distinct()


class EventPageTag(PageTag):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(TaggedPageMixin, PillarsMixin, RoutablePageMixin, BasePage):
    """An event: when, where, how to take part, who organises it and its programme."""

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = PillarChoiceForm

    start_date = models.DateField(verbose_name=_("start date"))
    start_time = models.TimeField(
        null=True,
        blank=True,
        verbose_name=_("start time"),
        help_text=_("Leave both times empty for an all-day event. Times are Italian time."),
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("end date"),
        help_text=_("Leave empty for a one-day event."),
    )
    end_time = models.TimeField(null=True, blank=True, verbose_name=_("end time"))
    # Derived from the four fields above on save, in Europe/Rome, so that
    # "upcoming" and "past" are plain database filters.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    status = choice_field(EventStatus, _("status"), default=EventStatus.SCHEDULED)
    attendance_mode = choice_field(
        AttendanceMode, _("attendance"), default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(max_length=200, blank=True, verbose_name=_("venue"))
    venue_address = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("address"),
        help_text=_("Street and number, e.g. “Via Roma 1”."),
    )
    venue_city = models.CharField(max_length=100, blank=True, verbose_name=_("city"))
    venue_country = models.CharField(
        max_length=100, blank=True, verbose_name=_("country"), help_text=_("E.g. “Italia”.")
    )
    online_url = models.URLField(
        blank=True,
        verbose_name=_("online link"),
        help_text=_("Where to follow the event online (for online or mixed events)."),
    )
    registration_mode = choice_field(
        RegistrationMode, _("registration"), default=RegistrationMode.EXTERNAL
    )
    registration_url = models.URLField(
        blank=True,
        verbose_name=_("registration link"),
        help_text=_("For registration elsewhere: the page where people register."),
    )
    registration_deadline = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration deadline"),
        help_text=_("Leave empty to keep registration open until the event starts."),
    )
    registration_message = models.TextField(
        blank=True,
        verbose_name=_("message in the confirmation"),
        help_text=_(
            "For registration on this site: a few lines added to the confirmation e-mail "
            "(what to bring, where to go in)."
        ),
    )
    privacy_page = optional_link(
        "wagtailcore.Page",
        _("privacy notice"),
        help_text=_("For registration on this site: the page the consent checkbox links to."),
    )
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = page_tags(EventPageTag)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                InlinePanel(
                    "registration_questions",
                    heading=_("Extra questions of the registration form"),
                    label=_("question"),
                ),
                FieldPanel("registration_message"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        InlinePanel("organisers", heading=_("Organisers and partners"), label=_("organisation")),
        FieldPanel("programme"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("pillars"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_city"),
        index.FilterField("start_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    # When, where and how are facts of the event: the same in every language.
    translatable_fields = [
        *BasePage.translatable_fields,
        *translated(
            "venue_name",
            "venue_city",
            "venue_country",
            "programme",
            "body",
            "tags",
            "registration_message",
            "registration_questions",
        ),
        *overridable("venue_address", "online_url", "registration_url"),
        *synchronised(
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "status",
            "attendance_mode",
            "registration_mode",
            "registration_deadline",
            "privacy_page",
            "tagged_items",
            "organisers",
            "pillar_links",
        ),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time too, or leave both times empty.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        elif (
            self.start_date
            and self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.starts_at, self.ends_at = self.compute_span()
        return super().save(*args, **kwargs)

    def compute_span(self):
        """Aware start and end; an all-day event ends at midnight after its last day."""
        rome = timezone.get_default_timezone()
        end_date = self.end_date or self.start_date
        if self.start_time:
            start = datetime.datetime.combine(self.start_date, self.start_time, rome)
            end_time = self.end_time or self.start_time
            end = datetime.datetime.combine(end_date, end_time, rome)
        else:
            start = datetime.datetime.combine(self.start_date, datetime.time.min, rome)
            end = datetime.datetime.combine(
                end_date + datetime.timedelta(days=1), datetime.time.min, rome
            )
        return start, end

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def when(self):
        """The dates (and times) in the active language."""
        return date_range(self.start_date, self.end_date, self.start_time, self.end_time)

    def is_happening(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())

    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    def registration_is_open(self, now=None):
        """Whether the external registration link is still worth showing."""
        now = now or timezone.now()
        return (
            self.registration_mode == RegistrationMode.EXTERNAL
            and bool(self.registration_url)
            and not self.is_cancelled
            and now < self.registration_closes_at()
        )

    @property
    def registers_on_site(self):
        return self.registration_mode == RegistrationMode.ON_SITE

    def registration_settings_record(self):
        """The shared settings row of on-site registration, or None (one query, memoised)."""
        if not hasattr(self, "_registration_record"):
            self._registration_record = settings_of(self) if self.registers_on_site else None
        return self._registration_record

    def registration_state(self, now=None):
        """The on-site registration state (RegistrationState), or None when not on site."""
        if not self.registers_on_site:
            return None
        return registration_state(self, self.registration_settings_record(), now)

    def card_registration_state(self):
        """The state for a card, only where the listing fetched the records in one batch."""
        if not self.registers_on_site or not hasattr(self, "_registration_record"):
            return None
        return self.registration_state()

    def registration_path(self):
        """The URL of the registration form, in the page's language."""
        route = "register" if self.locale.language_code == "en" else "iscrizione"
        return self.url + self.reverse_subpage(route)

    def cancel_url(self, token):
        """The full URL of the personal cancel page, in the page's language (for e-mails)."""
        route = "register_cancel" if self.locale.language_code == "en" else "iscrizione_annulla"
        return self.get_full_url() + self.reverse_subpage(route, args=[token])

    @property
    def place(self):
        """Venue name, address, city and country, as one line."""
        parts = [self.venue_name, self.venue_address, self.venue_city, self.venue_country]
        return ", ".join(part for part in parts if part)

    @property
    def map_url(self):
        """OpenStreetMap's search for the venue's address, or ''."""
        parts = [self.venue_address, self.venue_city, self.venue_country]
        query = ", ".join(part for part in parts if part)
        if not query or not (self.venue_address or self.venue_city):
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    @property
    def has_venue(self):
        return self.attendance_mode != AttendanceMode.ONLINE and bool(self.place)

    @property
    def is_online(self):
        return self.attendance_mode in {AttendanceMode.ONLINE, AttendanceMode.MIXED}

    def display_organisers(self):
        """Organisers then partners, in the page's language (names fall back to the source).

        Asked by the template and the JSON-LD: worked out once per page object.
        """
        if "_display_organisers" not in self.__dict__:
            self._display_organisers = self._organisers_by_role()
        return self._display_organisers

    def _organisers_by_role(self):
        links = list(self.organisers.select_related("organisation"))
        organisations = localized_objects(
            [link.organisation for link in links], self.locale, fallback=True
        )
        by_key = {org.translation_key: org for org in organisations}
        grouped = {role: [] for role in OrganiserRole}
        for link in links:
            grouped[link.role].append(by_key[link.organisation.translation_key])
        return grouped

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event_index"] = self.parent_for_display(request)
        context["organisers"] = self.display_organisers()
        context["registration_state"] = self.registration_state()
        context["structured_data"] = event_structured_data(
            self, request, context["registration_state"]
        )
        context["og_type"] = "website"
        return context

    @path("ics/", name="ics")
    def ics_view(self, request):
        return calendar_response(
            request,
            [self],
            name=self.title,
            filename=f"{self.slug}.ics",
            language=self.locale.language_code,
        )

    # Registration lives on its own routes, named in the page's language: never
    # cached (CSRF token, seats left), never indexed.
    @path("iscrizione/", name="iscrizione")
    def registration_view_it(self, request):
        return registration_views.register(self, request, "it")

    @path("register/", name="register")
    def registration_view_en(self, request):
        return registration_views.register(self, request, "en")

    @path("iscrizione/annulla/<str:token>/", name="iscrizione_annulla")
    def cancel_view_it(self, request, token):
        return registration_views.cancel(self, request, token, "it")

    @path("register/cancel/<str:token>/", name="register_cancel")
    def cancel_view_en(self, request, token):
        return registration_views.cancel(self, request, token, "en")


class EventPagePillar(PillarLink):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="pillar_links")


class EventOrganiser(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        "home.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    role = choice_field(OrganiserRole, _("role"), default=OrganiserRole.ORGANISER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")


def next_change(now):
    """The next moment an event starts, ends, or opens or closes registration: pages change."""
    moments = EventPage.objects.live().aggregate(
        start=models.Min("starts_at", filter=models.Q(starts_at__gt=now)),
        end=models.Min("ends_at", filter=models.Q(ends_at__gt=now)),
        deadline=models.Min(
            "registration_deadline", filter=models.Q(registration_deadline__gt=now)
        ),
    )
    moments |= RegistrationSettings.objects.filter(event__live=True).aggregate(
        opens=models.Min("opens_at", filter=models.Q(opens_at__gt=now)),
        closes=models.Min("closes_at", filter=models.Q(closes_at__gt=now)),
    )
    return min((moment for moment in moments.values() if moment), default=None)
