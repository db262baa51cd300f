"""Members in the site search: the public members of the language, by name and description.

The search view cannot import members (sections never import each other): it
reads `home.registry.search_sources`, where `MembersConfig.ready` registers
`find_members`.
"""

import re
from functools import reduce
from operator import and_

from django.db.models import Q

from home.choices import OrganisationKind
from home.models import Organisation
from home.registry import SearchResult
from members.models import MemberDirectoryPage


def word_starts(words):
    """One pattern per word, matching where a word of the text begins with it."""
    return [re.compile(rf"\b{re.escape(word)}", re.IGNORECASE) for word in words]


def matches(patterns, text):
    return all(pattern.search(text) for pattern in patterns)


def find_members(request, home, words):
    """SearchResults for the public members of `home`'s language whose words begin with `words`.

    Every word must begin a word of the member's name or description (in the
    language of `home`), as every word must be in a page the search finds.
    Members whose name holds every word come first among the results. Two
    queries at most, however many members there are.
    """
    directory = (
        MemberDirectoryPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(locale_id=home.locale_id)
        .first()
    )
    if directory is None or not words:
        return []
    # The database narrows the records down (any substring); the patterns
    # then keep those where each word begins a word.
    records = (
        Organisation.objects.members_in(home.locale)
        .filter(
            reduce(
                and_,
                (Q(name__icontains=word) | Q(description__icontains=word) for word in words),
            )
        )
        .only("name", "slug", "description")
        .order_by("name", "pk")
    )
    patterns = word_starts(words)
    base_url = directory.get_url(request)
    kind = str(OrganisationKind.MEMBER.label)
    results = []
    for record in records:
        if not matches(patterns, f"{record.name}\n{record.description}"):
            continue
        results.append(
            SearchResult(
                title=record.name,
                url=f"{base_url}{record.slug}/",
                kind=kind,
                summary=record.description,
                by_title=matches(patterns, record.name),
            )
        )
    return results
