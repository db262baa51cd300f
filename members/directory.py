"""The members directory's filters: which GET parameters it reads and what each selects.

Every fact a filter reads is the Italian source record's (`home.Organisation`),
so the English directory can never show a member hidden or changed in Italian.
Unknown or malformed values are ignored: the directory then lists what it would
without them, and every filtered view is `noindex`.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.choices import MemberType, Province, Sector
from home.models import Organisation

# Text searches are cut at this length, like the site search.
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class Facet:
    """A filter of the directory: its GET parameter, its heading and the field it reads."""

    param: str
    label: str
    field: str = ""
    choices: type | None = None


FACETS = (
    Facet("type", _("Type"), "member_type", MemberType),
    Facet("sector", _("Sub-sector"), "sector", Sector),
    Facet("pillar", _("Area of work")),
    Facet("province", _("Province"), "province", Province),
)


@dataclass
class Selection:
    """The values a visitor chose, each checked against what exists (else left out)."""

    values: dict = field(default_factory=dict)  # param -> code (pillar: PillarPage)
    query: str = ""

    @property
    def is_filtered(self):
        return bool(self.values or self.query)

    def params(self, **changes):
        """GET parameters of this selection with `changes` (a value of None removes one)."""
        params = {
            param: value.slug if param == "pillar" else value
            for param, value in self.values.items()
        }
        if self.query:
            params["q"] = self.query
        for param, value in changes.items():
            if value is None:
                params.pop(param, None)
            else:
                params[param] = value
        return params


def read_selection(data, pillars):
    """The Selection in GET `data`; `pillars` are the pillar pages of the directory's language."""
    selection = Selection()
    for facet in FACETS:
        raw = data.get(facet.param, "")
        if not isinstance(raw, str) or not raw:
            continue
        if facet.param == "pillar":
            found = next((pillar for pillar in pillars if pillar.slug == raw), None)
            if found is not None:
                selection.values["pillar"] = found
        elif raw in facet.choices.values:
            selection.values[facet.param] = raw
    query = " ".join(str(data.get("q", "")).split())
    selection.query = query[:MAX_QUERY_LENGTH]
    return selection


def facet_rows(locale, query=""):
    """The facts of the public members that `locale` shows and the text `query` matches.

    One query: a row per member and pillar (`translation_key`, the facts the
    filters read, a pillar's translation key or None), from the source records.
    """
    records = Organisation.objects.filter(locale=locale, live=True)
    if query:
        records = records.filter(Q(name__icontains=query) | Q(description__icontains=query))
    fields = [facet.field for facet in FACETS if facet.field]
    return list(
        Organisation.objects.public_members()
        .filter(translation_key__in=records.values("translation_key"))
        .order_by()
        .values_list("translation_key", *fields, "member_pillars__pillar__translation_key")
    )


def select(rows, selection):
    """The translation keys of the members `selection` picks, and the counts of each facet.

    Counts are the numbers of members per value of a facet with the other
    facets' choices applied: `{param: {code or pillar translation_key: number}}`.
    """
    facts = {}
    for key, *values, pillar_key in rows:
        member = facts.setdefault(key, {"pillar": set()})
        for facet, value in zip((f for f in FACETS if f.field), values, strict=True):
            member[facet.param] = value
        if pillar_key is not None:
            member["pillar"].add(pillar_key)
    wanted = {
        param: value.translation_key if param == "pillar" else value
        for param, value in selection.values.items()
    }

    def matches(member, skip=None):
        for param, value in wanted.items():
            if param == skip:
                continue
            if param == "pillar":
                if value not in member["pillar"]:
                    return False
            elif member[param] != value:
                return False
        return True

    counts = {facet.param: Counter() for facet in FACETS}
    for member in facts.values():
        for facet in FACETS:
            if not matches(member, skip=facet.param):
                continue
            if facet.param == "pillar":
                counts["pillar"].update(member["pillar"])
            elif member[facet.param]:
                counts[facet.param][member[facet.param]] += 1
    keys = [key for key, member in facts.items() if matches(member)]
    return keys, counts
