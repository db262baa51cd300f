from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    """The 404 page, in the language of the URL (LocaleMiddleware has activated it)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """The 500 page: a standalone template that needs no database."""
    return HttpResponseServerError(loader.render_to_string("500.html", {"request": request}))
