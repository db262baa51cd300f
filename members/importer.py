"""Importing the members spreadsheet: all rows or none, each with what it did.

Permissions and workflow are those of editing by hand: a user who may publish
organisations (managers) publishes; anyone else (editors) leaves new members
and changes as drafts, live versions untouched, for a manager to approve. The
Italian records are written; translators then find new and changed members in
their queue, as for any other content.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.models import Locale

from home.choices import OrganisationKind
from home.models import Organisation
from members.models import MemberPillarLink
from members.spreadsheet import PILLAR_SEPARATOR, read_rows, validate
from pillars.models import PillarPage

# Whoever may edit the Italian member records (editors, managers), not translators.
EDIT_PERMISSIONS = ("home.change_organisation", "home.edit_source_language")

FACT_FIELDS = [
    "name",
    "member_type",
    "sector",
    "province",
    "city",
    "joined_year",
    "website",
    "public_email",
    "listed",
    "description",
]
# The spreadsheet's name of a field, where it is not the field's own.
COLUMN_OF = {"member_type": "type"}


@dataclass
class Outcome:
    """What one row did: created, updated, unchanged, or refused with reasons."""

    line: int
    slug: str
    action: str
    reasons: list
    # For an update: (column, value before, value after) of each column that changes.
    changes: list = field(default_factory=list)
    name: str = ""

    def __str__(self):
        text = _("line %(line)s (%(slug)s): %(action)s") % {
            "line": self.line,
            "slug": self.slug or "—",
            "action": ACTIONS[self.action],
        }
        details = self.reasons or [column for column, _before, _after in self.changes]
        return f"{text}: {'; '.join(map(str, details))}" if details else text

    @property
    def label(self):
        return ACTIONS[self.action]

    @property
    def preview_label(self):
        """What the row will do, said before it is done."""
        return PREVIEW_ACTIONS[self.action]


ACTIONS = {
    "created": pgettext_lazy("a member's row of an import", "created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "refused": gettext_lazy("refused"),
}
PREVIEW_ACTIONS = {
    **ACTIONS,
    "created": gettext_lazy("to create"),
    "updated": gettext_lazy("to update"),
}


def italian_pillars():
    pillars = PillarPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return {pillar.slug: pillar for pillar in pillars}


def import_members(content, filename, *, user=None, dry_run=False):
    """Import the file; returns (outcomes, applied). Nothing is written if a row is refused."""
    if user is not None and not user.has_perms(EDIT_PERMISSIONS):
        raise PermissionDenied(_("This user may not edit members."))
    rows = validate(read_rows(content, filename), italian_pillars())
    refused = [row for row in rows if row.errors]
    if refused:
        outcomes = [
            Outcome(
                row.number,
                row.raw.get("slug", ""),
                "refused",
                row.errors,
                name=row.raw.get("name", ""),
            )
            for row in refused
        ]
        return outcomes, False
    publish = user is None or user.has_perm("home.publish_organisation")
    outcomes = []
    with transaction.atomic():
        existing = {
            member.slug: member
            for member in Organisation.objects.sources()
            .filter(slug__in=[row.values["slug"] for row in rows])
            .select_related("latest_revision")
            .prefetch_related("member_pillars__pillar")
        }
        for row in rows:
            member = existing.get(row.values["slug"])
            action, changes = apply_row(row.values, member, user, publish, submit=not dry_run)
            outcomes.append(
                Outcome(row.number, row.values["slug"], action, [], changes, row.values["name"])
            )
        if dry_run:
            transaction.set_rollback(True)
    return outcomes, not dry_run


def _current(member):
    """A member's values as the import compares them (its latest draft, if any)."""
    latest = member.get_latest_revision_as_object() if member.latest_revision_id else member
    values = {name: getattr(latest, name) for name in FACT_FIELDS}
    values["kind"] = latest.kind
    return latest, values


def _pillar_slugs(pillars):
    return PILLAR_SEPARATOR.join(pillar.slug for pillar in pillars)


def apply_row(values, member, user, publish, *, submit=True):
    """Create or update one member; returns its action and, for an update, what changes.

    Unpublished changes of an editor go to the approval workflow (unless `submit`
    is false, as in a preview, which must send no notification).
    """
    pillars = values["pillars"]
    wanted = {name: values[name] for name in FACT_FIELDS}
    if member is None:
        member = Organisation(
            locale=Locale.get_default(),
            kind=OrganisationKind.MEMBER,
            slug=values["slug"],
            live=publish,
            **wanted,
        )
        member.member_pillars = [MemberPillarLink(pillar=pillar) for pillar in pillars]
        member.save()
        save(member, user, publish, submit)
        return "created", []
    latest, current = _current(member)
    current_pillars = [link.pillar for link in latest.member_pillars.all()]
    changes = [
        (COLUMN_OF.get(name, name), current[name], value)
        for name, value in wanted.items()
        if current[name] != value
    ]
    if [pillar.pk for pillar in current_pillars] != [pillar.pk for pillar in pillars]:
        changes.append(("pillars", _pillar_slugs(current_pillars), _pillar_slugs(pillars)))
    if current["kind"] != OrganisationKind.MEMBER:
        changes.append(("kind", current["kind"], OrganisationKind.MEMBER))
    if not changes:
        return "unchanged", []
    for name, value in wanted.items():
        setattr(latest, name, value)
    latest.kind = OrganisationKind.MEMBER
    latest.member_pillars = [MemberPillarLink(pillar=pillar) for pillar in pillars]
    save(latest, user, publish, submit)
    return "updated", changes


def save(member, user, publish, submit):
    """A new revision: published by a manager, otherwise submitted for approval."""
    revision = member.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        return
    workflow = member.get_workflow()
    if submit and workflow is not None and not member.workflow_in_progress:
        workflow.start(member, user)
