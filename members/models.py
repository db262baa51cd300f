"""Who the cluster is: the members directory and the governing bodies.

Members are `home.Organisation` records of kind *member*: one record per
organisation, whatever else it does on the site. Their facts are read from the
Italian record; only the description and the logo's alt text are translated.
docs/architecture.md ("Members") says why a member is a route, not a page.

The governing bodies are snippets whose terms of office link `home.Person`
records to them; the governance page shows them (docs/architecture.md, "Governance").
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from home import urlfacts
from home.fields import choice_field, optional_link, synchronised, translated
from home.formats import date_range
from home.languages import hreflang_alternates
from home.listings import paginate
from home.localization import localized_objects, localized_pages
from home.models import (
    BasePage,
    BodyPage,
    NamedSnippet,
    Organisation,
    Person,
    SourceLanguageQuerySet,
)
from members.choices import OfficeRole
from members.directory import FACETS, facet_rows, read_selection, select
from members.structured_data import member_data, members_list
from pillars.models import PillarLink, PillarPage


class MemberPillarLink(PillarLink):
    """An area of work (pillar) a member is active in, set on the Italian record."""

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="member_pillars"
    )


@dataclass
class Member:
    """A member as a page of one language shows it.

    Its words come from `record` (the page's language), its facts from `source`.
    """

    record: Organisation
    source: Organisation
    url: str = ""
    full_url: str = ""
    pillars: list = field(default_factory=list)


class MemberDirectoryPage(RoutablePageMixin, BasePage):
    """The public members of one language, A–Z, with filters; each member at `<slug>/`."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    per_page = 24

    membership_page = optional_link(
        "wagtailcore.Page",
        _("membership request page"),
        help_text=_(
            "The service page with the membership request form, linked as “Become a member”."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("membership_page")]

    # Like a service's privacy page: it follows the source and is shown in the
    # visitor's language (the directory's template resolves it).
    translatable_fields = [*BasePage.translatable_fields, *synchronised("membership_page")]

    class Meta:
        verbose_name = _("members directory")
        verbose_name_plural = _("members directories")

    # Queries ----------------------------------------------------------------

    def pillars(self):
        """The live pillars of the directory's language (they sit beside it, under the home)."""
        return list(PillarPage.objects.sibling_of(self).live().public().order_by("path"))

    def member_records(self, keys):
        """Live records of this language for translation `keys`, A–Z."""
        return (
            Organisation.objects.filter(
                locale_id=self.locale_id, live=True, translation_key__in=keys
            )
            .select_related("logo")
            .order_by("name", "pk")
        )

    def members(self, records, request, pillars=()):
        """Members for `records` of this language, with their source facts (one query)."""
        records = list(records)
        sources = Organisation.objects.sources().filter(
            translation_key__in=[record.translation_key for record in records]
        )
        if pillars:
            links = MemberPillarLink.objects.select_related("pillar").only(
                "organisation_id", "pillar__translation_key"
            )
            sources = sources.prefetch_related(Prefetch("member_pillars", queryset=links))
        by_key = {source.translation_key: source for source in sources}
        by_pillar_key = {pillar.translation_key: pillar for pillar in pillars}
        base_url = self.get_url(request)
        base_full_url = self.get_full_url(request)
        members = []
        for record in records:
            source = by_key.get(record.translation_key)
            if source is None:
                continue
            member = Member(
                record,
                source,
                url=f"{base_url}{record.slug}/",
                full_url=f"{base_full_url}{record.slug}/",
            )
            if pillars:
                member.pillars = [
                    by_pillar_key[link.pillar.translation_key]
                    for link in source.member_pillars.all()
                    if link.pillar.translation_key in by_pillar_key
                ]
            members.append(member)
        return members

    def get_sitemap_urls(self, request=None):
        """The directory, and each public member of its language with its translations."""
        urls = super().get_sitemap_urls(request)
        languages = dict(
            Page.objects.filter(translation_key=self.translation_key, live=True).values_list(
                "locale__language_code", "pk"
            )
        )
        directories = {
            page.locale.language_code: page
            for page in MemberDirectoryPage.objects.live()
            .public()
            .filter(pk__in=languages.values())
            .select_related("locale")
        }
        bases = {code: page.get_full_url(request) for code, page in directories.items()}
        records = Organisation.objects.filter(
            live=True,
            locale__language_code__in=bases,
            translation_key__in=Organisation.objects.public_members().values("translation_key"),
        ).select_related("locale")
        by_key = {}
        last_published = {}
        own = self.locale.language_code
        for record in records:
            code = record.locale.language_code
            by_key.setdefault(record.translation_key, {})[code] = f"{bases[code]}{record.slug}/"
            if code == own:
                last_published[record.translation_key] = record.last_published_at
        for key, by_language in by_key.items():
            if own not in by_language:
                continue
            alternates = [
                {"lang_code": code, "location": url}
                for code, url in hreflang_alternates(by_language)
            ]
            urls.append(
                {
                    "location": by_language[own],
                    "lastmod": last_published[key] or urls[0].get("lastmod"),
                    "alternates": alternates,
                }
            )
        return urls

    # Views --------------------------------------------------------------------

    @path("", name="index")
    def index_view(self, request):
        pillars = self.pillars()
        selection = read_selection(request.GET, pillars)
        rows = facet_rows(self.locale, selection.query)
        keys, counts = select(rows, selection)
        page_obj = paginate(request, self.member_records(keys), self.per_page)
        members = self.members(page_obj.object_list, request, pillars)
        language = self.locale.language_code
        context = {
            "page_obj": page_obj,
            "members": members,
            "selection": selection,
            "facets": self.facet_links(selection, counts, pillars),
            "total": len(keys),
            "page_query": urlencode(selection.params()),
            "structured_data": members_list(members, request, language) if members else None,
            "membership_page": self.localized_membership_page(),
            "url_facts": self.directory_facts(request, selection, page_obj),
            "governance": GovernancePage.objects.live().public().sibling_of(self).first(),
        }
        return self.render(request, context_overrides=context)

    def localized_membership_page(self):
        """The membership request page in the directory's language, if it is live there.

        Never the page of another language: an English directory whose request
        page is not translated yet shows no link rather than an Italian page.
        """
        if self.membership_page is None:
            return None
        if self.membership_page.locale_id == self.locale_id:
            page = self.membership_page
        else:
            page = self.membership_page.get_translation_or_none(self.locale)
        return page if page is not None and page.live else None

    def directory_facts(self, request, selection, page_obj):
        """The directory's own facts; a filtered view names only itself and is not indexed."""
        facts = urlfacts.paginated(urlfacts.page_facts(request, self), page_obj)
        if selection.is_filtered:
            facts = urlfacts.only_itself(request, facts)
        return facts

    def facet_links(self, selection, counts, pillars):
        """For each facet, its values with their counts and the link that selects each."""
        facets = []
        for facet in FACETS:
            if facet.param == "pillar":
                values = [(pillar.slug, pillar.title, pillar.translation_key) for pillar in pillars]
            else:
                values = [(code, label, code) for code, label in facet.choices.choices]
            chosen = selection.values.get(facet.param)
            chosen_code = chosen.slug if facet.param == "pillar" and chosen else chosen
            options = []
            for code, label, key in values:
                number = counts[facet.param].get(key, 0)
                if not number and code != chosen_code:
                    continue
                options.append(
                    {
                        "label": label,
                        "count": number,
                        "selected": code == chosen_code,
                        "query": urlencode(selection.params(**{facet.param: code, "page": None})),
                    }
                )
            if options:
                facets.append(
                    {
                        "param": facet.param,
                        "label": facet.label,
                        "options": options,
                        "chosen": chosen_code,
                        "clear_query": urlencode(selection.params(**{facet.param: None})),
                    }
                )
        return facets

    @path("<slug:slug>/", name="member")
    def member_view(self, request, slug):
        record = self.member_or_404(slug)
        (member,) = self.members([record], request)
        links = member.source.member_pillars.select_related("pillar")
        member.pillars = localized_pages([link.pillar for link in links], self.locale)
        language = self.locale.language_code
        context = {
            "member": member,
            "canonical_url": member.full_url,
            "structured_data": member_data(member, request, language),
            "url_facts": urlfacts.view_facts(
                request,
                title=record.name,
                description=record.description or urlfacts.page_description(self),
                urls_by_language=self.member_urls(record, request),
                indexable=True,
                fallback=self,
            ),
        }
        return self.render(
            request, context_overrides=context, template="members/member_detail.html"
        )

    def member_or_404(self, slug):
        try:
            return Organisation.objects.members_in(self.locale).get(slug=slug)
        except Organisation.DoesNotExist:
            raise Http404 from None

    def member_urls(self, record, request):
        """The member's URL in each language where both it and the directory are live."""
        directories = (
            MemberDirectoryPage.objects.live()
            .public()
            .filter(translation_key=self.translation_key)
            .select_related("locale")
        )
        records = dict(
            Organisation.objects.filter(
                translation_key=record.translation_key, live=True
            ).values_list("locale_id", "slug")
        )
        urls = {}
        for directory in directories:
            if directory.locale_id in records:
                slug = records[directory.locale_id]
                urls[directory.locale.language_code] = f"{directory.get_url(request)}{slug}/"
        return urls


# Governance -------------------------------------------------------------------


class GoverningBody(NamedSnippet, ClusterableModel):
    """A body of the association (assembly, board, presidency…) and its terms of office.

    Its name and description are translated; its order and terms follow the
    Italian record, which the governance page reads in every language.
    """

    name = models.CharField(max_length=200, verbose_name=_("name"))
    description = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("description"),
        help_text=_("One or two sentences on what the body does."),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("position on the page"),
        help_text=_("Bodies are shown from the lowest number; equal numbers by name."),
    )

    objects = SourceLanguageQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        InlinePanel("terms", heading=_("Terms of office"), label=_("term of office")),
    ]

    translatable_fields = [
        *translated("name", "description"),
        *synchronised("sort_order", "terms"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("governing body")
        verbose_name_plural = _("governing bodies")
        ordering = ["sort_order", "name"]


class Term(Orderable):
    """One person's term of office in a body: a role, for whom, from when, until when."""

    body = ParentalKey(GoverningBody, on_delete=models.CASCADE, related_name="terms")
    # The record of who held an office is kept: a person with terms cannot be
    # deleted (the admin's delete screen says where the record is used) until
    # their terms are removed from the bodies by hand.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    role = choice_field(OfficeRole, _("role in the body"))
    organisation = optional_link(
        Organisation,
        _("organisation"),
        help_text=_("The organisation the person represents in the body, if any."),
    )
    start = models.DateField(verbose_name=_("start of term"))
    end = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("end of term"),
        help_text=_("Leave it empty while the term is running."),
    )

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A term cannot end before it starts.")})

    def is_current(self, today):
        return self.start <= today and (self.end is None or self.end >= today)

    def is_past(self, today):
        return self.end is not None and self.end < today


@dataclass
class Office:
    """A term as a page shows it: the person and organisation in the page's language."""

    term: Term
    person: Person
    organisation: Organisation | None

    @property
    def role(self):
        return self.term.get_role_display()

    @property
    def period(self):
        """The dates of a term that has an end ("1 marzo 2016 – 28 febbraio 2019"), else empty."""
        return date_range(self.term.start, self.term.end) if self.term.end else ""


@dataclass
class BodyInView:
    """A body as the governance page of one language shows it."""

    record: GoverningBody
    current: list
    past: list


def today():
    return timezone.localdate()


# Presidents first, then the other roles in the vocabulary's order.
ROLE_ORDER = {code: number for number, code in enumerate(OfficeRole.values)}


class GovernancePage(BodyPage):
    """The governing bodies, each with the people now in office and its past terms."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("governance page")
        verbose_name_plural = _("governance pages")

    def bodies(self, on=None):
        """Each body shown in this language, in order, with its current and past terms.

        Five queries whatever the number of bodies and terms: the bodies of this
        language, the Italian records with their terms (people and organisations
        joined), and the people and organisations of this language.
        """
        on = on or today()
        records = {
            record.translation_key: record
            for record in GoverningBody.objects.shown_in(self.locale_id)
        }
        terms = Term.objects.select_related("person", "organisation").order_by(
            "-start", "sort_order"
        )
        sources = (
            GoverningBody.objects.sources()
            .filter(translation_key__in=records)
            .prefetch_related(Prefetch("terms", queryset=terms))
            .order_by("sort_order", "name", "pk")
        )
        sources = list(sources)
        # Only published people hold an office on the public page.
        terms = [term for source in sources for term in source.terms.all() if term.person.live]
        people = self._by_key(
            localized_objects([term.person for term in terms], self.locale, fallback=True)
        )
        represented = [term.organisation for term in terms if self._shows_organisation(term)]
        organisations = self._by_key(localized_objects(represented, self.locale, fallback=True))
        shown = []
        for source in sources:
            offices = [
                Office(
                    term,
                    people[term.person.translation_key],
                    organisations[term.organisation.translation_key]
                    if self._shows_organisation(term)
                    else None,
                )
                for term in source.terms.all()
                if term.person.live
            ]
            current = [office for office in offices if office.term.is_current(on)]
            current.sort(key=lambda office: (ROLE_ORDER[office.term.role], office.person.name))
            past = [office for office in offices if office.term.is_past(on)]
            shown.append(BodyInView(records[source.translation_key], current, past))
        return shown

    @staticmethod
    def _shows_organisation(term):
        return term.organisation_id is not None and term.organisation.live

    @staticmethod
    def _by_key(objects):
        return {obj.translation_key: obj for obj in objects}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        bodies = self.bodies()
        context["bodies"] = bodies
        context["has_past_terms"] = any(body.past for body in bodies)
        context["directory"] = MemberDirectoryPage.objects.live().public().sibling_of(self).first()
        return context


def next_term_change(now):
    """The next midnight (Italian time) at which a term starts or ends: the page changes."""
    day = timezone.localdate(now)
    live = Term.objects.filter(body__live=True)
    moments = live.aggregate(
        start=models.Min("start", filter=models.Q(start__gt=day)),
        end=models.Min("end", filter=models.Q(end__gte=day)),
    )
    days = [moments["start"]]
    if moments["end"]:
        # A term ending on a day is still current that day: it moves to the past the next.
        days.append(moments["end"] + datetime.timedelta(days=1))
    days = [day for day in days if day]
    if not days:
        return None
    first = min(days)
    return timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
