from django import template
from django.utils import translation

from news.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """The RSS and Atom addresses of the current language's news, or None."""
    request = context.get("request")
    index = (
        NewsIndexPage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language())
        .first()
    )
    if index is None:
        return None
    base = index.get_full_url(request)
    return {
        "title": index.title,
        "rss": base + index.reverse_subpage("rss"),
        "atom": base + index.reverse_subpage("atom"),
    }


@register.simple_tag
def latest_news(home, count=3):
    """The newest items of the home page's language, with their tags, for cards."""
    from news.models import attach_display_tags

    index = NewsIndexPage.objects.live().public().child_of(home).first()
    if index is None:
        return {"index": None, "items": []}
    items = attach_display_tags(index.news_items()[:count], home.locale)
    return {"index": index, "items": items}
