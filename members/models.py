"""The members directory: one page per language, and each member at a route of it.

Members are `home.Organisation` records of kind *member*: one record per
organisation, whatever else it does on the site. Their facts are read from the
Italian record; only the description and the logo's alt text are translated.
docs/architecture.md ("Members") says why a member is a route, not a page.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home import urlfacts
from home.fields import optional_link, synchronised
from home.languages import hreflang_alternates
from home.listings import paginate
from home.localization import localized_pages
from home.models import BasePage, Organisation
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
