"""Pages that list other pages: pagination, and index pages with a yearly archive."""

from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import ExtractYear
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home import lookups, urlfacts
from home.registry import RouteRule


def paginate(request, items, per_page):
    """The page of `items` that `?page=` asks for.

    A missing, non-numeric or non-positive number gives the first page; a page
    past the end is a 404, so that no empty page is ever indexed.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isdigit() and int(raw) > 0 else 1
    if number > paginator.num_pages:
        raise Http404
    return paginator.page(number)


def archive_year(raw):
    """A four-digit year from a route, as an int; years no archive can hold are a 404."""
    year = int(raw)
    if not 1900 <= year <= 2999:
        raise Http404
    return year


class ListingPageMixin(RoutablePageMixin):
    """An index page that lists its pages by page (`listed_items`) and by year (`archived_items`).

    Subclasses name the list in the template's context (`list_name`), the date
    field their archive is kept by (`date_field`), and may prepare the cards of
    one page of items (`cards`). Their own routes come before these two.
    """

    per_page = 12
    list_name = "items"
    date_field = "date"

    def listed_items(self):
        raise NotImplementedError

    def archived_items(self):
        raise NotImplementedError

    def archive_years(self):
        """The years that have archived items, newest first (kept across requests)."""
        if "_archive_years" not in self.__dict__:

            def build():
                days = self.archived_items().dates(self.date_field, "year", order="DESC")
                return [day.year for day in days]

            # Timely: an event that ends moves into the archive of its year.
            name = f"archive-years:{self.pk}"
            self._archive_years = lookups.cached(None, name, build, timely=True)
        return self._archive_years

    def archive_years_updated(self):
        """(year, when its newest item was last published) for each archived year, newest first."""
        rows = (
            self.archived_items()
            .prefetch_related(None)
            .order_by()
            .annotate(year=ExtractYear(self.date_field))
            .values("year")
            .annotate(updated=Max("last_published_at"))
            .order_by("-year")
        )
        return [(row["year"], row["updated"]) for row in rows]

    def cards(self, items):
        return items

    def render_listing(self, request, items, route, *route_args, **extra):
        page_obj = paginate(request, items, self.per_page)
        context = {
            "page_obj": page_obj,
            "url_facts": urlfacts.listing_facts(request, self, route, route_args, page_obj),
            self.list_name: self.cards(page_obj.object_list),
            "years": self.archive_years(),
            **extra,
        }
        return self.render(request, context_overrides=context)

    @path("", name="index")
    def index_view(self, request):
        return self.render_listing(request, self.listed_items(), "index")

    @re_path(r"^(\d{4})/$", name="year")
    def year_view(self, request, year):
        year = archive_year(year)
        items = self.archived_items().filter(**{f"{self.date_field}__year": year})
        return self.render_listing(request, items, "year", year, year=year)


def year_rule(*, title, description):
    """The RouteRule of a listing's year archive: `title(page, year)`, `description(page, year)`.

    Its counterpart is the same year in the other language's listing, when that
    listing archives something that year; every archived year is in the sitemap.
    """

    def counterpart(page, version, year):
        return (year,) if year in version.archive_years() else None

    def sitemap_args(page):
        return [((year,), updated) for year, updated in page.archive_years_updated()]

    return RouteRule(
        title=title, description=description, counterpart=counterpart, sitemap_args=sitemap_args
    )
