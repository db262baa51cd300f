from django import template

from news.models import NewsIndexPage, NewsPage, attach_display_tags

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_news(context, home):
    """The three newest items of the home page's language, with their tags, for cards."""
    return NewsIndexPage.section_under(
        home,
        lambda index: attach_display_tags(index.news_items()[:3], home.locale),
        request=context.get("request"),
    )


@register.simple_tag
def pillar_news(pillar, count=3):
    """The newest items of the pillar's language that name it, in any language, for cards."""
    items = NewsPage.objects.for_cards().in_language_of(pillar).in_pillar(pillar).newest_first()
    return {
        "index": NewsIndexPage.objects.live().sibling_of(pillar).first(),
        "items": attach_display_tags(items[:count], pillar.locale),
    }


@register.simple_tag
def organisation_news(organisation, count=10):
    """News of the organisation's language that name it, newest first."""
    items = NewsPage.objects.for_cards().in_language_of(organisation).mentioning(organisation)
    return list(items.newest_first()[:count])
