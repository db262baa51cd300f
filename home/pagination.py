from django.core.paginator import Paginator
from django.http import Http404


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


class ListingPageMixin:
    """A routable index page that lists pages: paginated, with each route's canonical address.

    Subclasses name the list in the template's context, give the years of
    their archive and may prepare the cards of one page of items.
    """

    per_page = 12
    list_name = "items"

    def archive_years(self):
        return []

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
