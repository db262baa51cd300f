"""schema.org JSON-LD for the site as a whole: who publishes it, its search, where a page sits.

Each section builds its own pages' data (news/structured_data.py,
events/structured_data.py) from the pieces here, so that every page names the
same organisation with the same `@id`.
"""

from urllib.parse import urljoin

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from home import lookups, renditions
from home.languages import site_content_for, site_homes
from home.models import HomePage

SCHEMA_CONTEXT = "https://schema.org"


def organisation_name(language):
    """The cluster's name as pages in `language` write it."""
    with translation.override(language):
        return translation.gettext("Lombardy Life Sciences Cluster")


def organisation_id(home_url):
    # One organisation behind both languages' homes.
    return urljoin(home_url, "/#organization")


def organisation_reference(request, language):
    """The cluster as author or publisher: its `@id`, name and home in `language`."""
    home = site_homes(request).get(language)
    data = {"@type": "Organization", "name": organisation_name(language)}
    if home is not None:
        home_url = home.get_full_url(request)
        data = {"@id": organisation_id(home_url), **data, "url": home_url}
    return data


def image_list(image, request):
    """The page's image as search engines want it, or None."""
    if not image:
        return None
    (image_filter,) = renditions.filters("structured_data")
    return [request.build_absolute_uri(image.get_rendition(image_filter).url)]


def without_empty(data):
    return {key: value for key, value in data.items() if value}


def site_structured_data(page, request):
    """JSON-LD every page carries besides its own.

    A home page describes the Organization and the WebSite, with the site
    search as its SearchAction; any deeper page gets a BreadcrumbList.
    """
    if not isinstance(page, Page) or not page.pk or request is None:
        return []
    if isinstance(page, HomePage):
        return home_structured_data(page, request)
    return [breadcrumb_list(page, request)]


def home_structured_data(home, request):
    """schema.org Organization and WebSite for a language's home page."""
    language = home.locale.language_code
    home_url = home.get_full_url(request)
    name = organisation_name(language)
    with translation.override(language):
        search_path = reverse("search")
    organisation = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Organization",
        "@id": organisation_id(home_url),
        "name": name,
        "alternateName": "CLLS",
        "url": home_url,
    }
    if home.meta_description:
        organisation["description"] = home.meta_description
    content = site_content_for(request, language)
    if content is not None:
        address = ", ".join(filter(None, map(str.strip, content.address.splitlines())))
        organisation.update(
            without_empty(
                {
                    "email": content.email,
                    "telephone": content.phone,
                    "address": address,
                    "sameAs": [link.url for link in content.social_links.all()],
                }
            )
        )
    website = {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "name": name,
        "url": home_url,
        "inLanguage": language,
        "publisher": {"@id": organisation_id(home_url)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": urljoin(home_url, search_path) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return [organisation, website]


def breadcrumb_list(page, request):
    """schema.org BreadcrumbList from the language's home down to `page` (kept across requests)."""
    return lookups.cached(
        request,
        f"breadcrumbs:{page.pk}:{request.get_host()}",
        lambda: _breadcrumb_list(page, request),
    )


def _breadcrumb_list(page, request):
    ancestors = list(page.get_ancestors().live().filter(depth__gte=2))
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate([*ancestors, page], start=1)
        ],
    }
