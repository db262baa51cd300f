from dataclasses import dataclass

from django.conf import settings
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Page

from home.languages import live_translations, site_homes


@dataclass(frozen=True)
class PageElsewhere:
    """A page found at the missing URL's path under another language's prefix."""

    code: str
    language_name: str
    page: Page
    url: str
    # The page's version in the missing URL's language, when it has a live one.
    translation: Page | None
    translation_url: str


def pages_elsewhere(request):
    """The pages that answer the request's path under the other languages' prefixes.

    A visitor who changes /en/ into /it/ by hand, or follows a link that mixes
    the two, lands on a path that exists in the other language's tree: offer
    that page and, better still, its translation in the language they asked for.
    """
    path = request.path_info
    language = translation.get_language_from_path(path)
    if language is None:
        return []
    components = [part for part in path.removeprefix(f"/{language}/").split("/") if part]
    names = dict(settings.LANGUAGES)
    found = []
    for code, home in site_homes(request).items():
        if code == language:
            continue
        try:
            page = home.route(request, components).page
        except Http404:
            continue
        if not Page.objects.public().filter(pk=page.pk).exists():
            continue
        translated = live_translations(page).get(language)
        found.append(
            PageElsewhere(
                code=code,
                language_name=names[code],
                page=page,
                url=page.get_url(request),
                translation=translated,
                translation_url=translated.get_url(request) if translated else "",
            )
        )
    return found


@requires_csrf_token
def page_not_found(request, exception=None):
    """The 404 page, in the language of the URL (LocaleMiddleware has activated it)."""
    context = {"pages_elsewhere": pages_elsewhere(request)}
    return HttpResponseNotFound(loader.render_to_string("404.html", context, request))


@requires_csrf_token
def server_error(request):
    """The 500 page: a standalone template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html", {"request": request}))


@requires_csrf_token
def bad_request(request, exception=None):
    """The 400 page (oversized or malformed requests): standalone, like the 500 page.

    It may answer a request whose host or body Django refused, so it reads
    neither the database nor the request's data.
    """
    return HttpResponseBadRequest(loader.render_to_string("400.html", {"request": request}))
