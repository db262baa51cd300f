"""Admin views of the ground floor."""

from django.http import JsonResponse
from wagtail.models import Locale

from home.models import Tag


def tag_autocomplete_view(request):
    """Tag names of the source language that start with `term`, for the page editor."""
    term = request.GET.get("term", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    names = Tag.objects.filter(locale=Locale.get_default(), name__istartswith=term)
    return JsonResponse(
        list(names.order_by("name").values_list("name", flat=True)[:10]), safe=False
    )
