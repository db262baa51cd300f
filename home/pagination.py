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
