from django import template
from django.utils.translation import ngettext

from home.choices import MemberType
from home.models import Organisation
from members.models import GovernancePage, MemberDirectoryPage

register = template.Library()


def counted(member_type, number):
    """ "4 companies", "1 hospital or IRCCS": a number of members of one type, as a phrase."""
    phrases = {
        MemberType.COMPANY: ngettext("%(count)s company", "%(count)s companies", number),
        MemberType.UNIVERSITY: ngettext(
            "%(count)s university or research centre",
            "%(count)s universities or research centres",
            number,
        ),
        MemberType.HOSPITAL: ngettext(
            "%(count)s hospital or IRCCS", "%(count)s hospitals or IRCCS", number
        ),
        MemberType.ASSOCIATION: ngettext("%(count)s association", "%(count)s associations", number),
        MemberType.OTHER: ngettext(
            "%(count)s other organisation", "%(count)s other organisations", number
        ),
    }
    return phrases[member_type] % {"count": number}


@register.simple_tag
def member_counts(home):
    """The public members the home's language shows, by type, the directory and governance pages.

    `{"total": n, "kinds": ["4 companies", ...], "directory": page or None,
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
    kinds = [counted(code, numbers[code]) for code in MemberType.values if numbers.get(code)]
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
