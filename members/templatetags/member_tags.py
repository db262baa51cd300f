from django import template

from home.choices import MemberType
from home.models import Organisation
from members.models import GovernancePage, MemberDirectoryPage

register = template.Library()


@register.simple_tag
def member_counts(home):
    """The public members the home's language shows, by type, the directory and governance pages.

    `{"total": n, "kinds": [(label, n), ...], "directory": page or None,
    "governance": page or None}`, in three queries.
    """
    records = Organisation.objects.members_in(home.locale)
    rows = (
        Organisation.objects.public_members()
        .filter(translation_key__in=records.values("translation_key"))
        .order_by()
        .values_list("member_type", flat=True)
    )
    numbers = {}
    for code in rows:
        numbers[code] = numbers.get(code, 0) + 1
    kinds = [(label, numbers[code]) for code, label in MemberType.choices if numbers.get(code)]
    directory = MemberDirectoryPage.objects.live().public().child_of(home).first()
    return {
        "total": sum(numbers.values()),
        "kinds": kinds,
        "directory": directory,
        "governance": governance_page(home),
    }


@register.simple_tag
def governance_page(home):
    """The live governance page under `home`, or None."""
    return GovernancePage.objects.live().public().child_of(home).first()
