"""schema.org NewsArticle data, as search engines read it."""

from django.utils import timezone

from home.structured_data import SCHEMA_CONTEXT, image_list, organisation_reference, without_empty


def news_article(item, request):
    organisation = organisation_reference(request, item.locale.language_code)
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "NewsArticle",
            "headline": item.title,
            "description": item.meta_description,
            "inLanguage": item.locale.language_code,
            "datePublished": item.date.isoformat() if item.date else None,
            "dateModified": (item.last_published_at or timezone.now()).isoformat(),
            "mainEntityOfPage": item.get_full_url(request),
            "author": organisation,
            "publisher": organisation,
            "image": image_list(item.image, request),
        }
    )
