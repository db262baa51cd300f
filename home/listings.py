"""Pages that list other pages: pagination, and index pages with a yearly archive."""

from django.core.paginator import Paginator
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path


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
        """The years that have archived items, newest first."""
        days = self.archived_items().dates(self.date_field, "year", order="DESC")
        return [day.year for day in days]

    def cards(self, items):
        return items

    def render_listing(self, request, items, route, *route_args, **extra):
        page_obj = paginate(request, items, self.per_page)
        canonical_url = self.get_full_url(request) + self.reverse_subpage(route, args=route_args)
        context = {
            "page_obj": page_obj,
            "canonical_url": canonical_url,
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
