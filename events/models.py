import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from events.blocks import ProgrammeBlock
from events.calendar import calendar_response
from events.choices import AttendanceMode, EventStatus, OrganiserRole
from events.structured_data import event_structured_data
from home.blocks import BodyBlock
from home.fields import choice_field, overridable, synchronised, translated
from home.formats import date_range
from home.listings import ListingPageMixin
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
    registration_url = models.URLField(blank=True, verbose_name=_("registration link"))
    registration_deadline = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("registration deadline"),
        help_text=_("Leave empty to keep registration open until the event starts."),
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
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
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
        *translated("venue_name", "venue_city", "venue_country", "programme", "body", "tags"),
        *overridable("venue_address", "online_url", "registration_url"),
        *synchronised(
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "status",
            "attendance_mode",
            "registration_deadline",
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
        now = now or timezone.now()
        return (
            bool(self.registration_url)
            and not self.is_cancelled
            and now < self.registration_closes_at()
        )

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
        """Organisers then partners, in the page's language (names fall back to the source)."""
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
        context["structured_data"] = event_structured_data(self, request)
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
    """The next moment an event starts, ends or closes registration: its pages change then."""
    moments = EventPage.objects.live().aggregate(
        start=models.Min("starts_at", filter=models.Q(starts_at__gt=now)),
        end=models.Min("ends_at", filter=models.Q(ends_at__gt=now)),
        deadline=models.Min(
            "registration_deadline", filter=models.Q(registration_deadline__gt=now)
        ),
    )
    return min((moment for moment in moments.values() if moment), default=None)
