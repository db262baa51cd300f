"""manage.py import_members FILE: create or update members from a CSV or XLSX file.

Columns and the stable key (the slug) are in members/spreadsheet.py and
docs/editing.md. Every row is checked first; if one is refused, nothing is imported.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from members.importer import import_members
from members.spreadsheet import SpreadsheetError


class Command(BaseCommand):
    help = "Create or update members from a CSV (UTF-8, ',' or ';') or XLSX file, keyed by slug."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--user",
            help="Import as this user: a manager publishes, an editor leaves drafts for approval. "
            "Without it the import publishes.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, write nothing."
        )

    def handle(self, *args, **options):
        # The report speaks the staff's language (Italian), whatever was active before.
        with translation.override(settings.LANGUAGE_CODE):
            self.import_file(**options)

    def import_file(self, *, file, user=None, dry_run=False, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        account = None
        if user:
            try:
                account = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"No such user: {user}") from None
        try:
            outcomes, applied = import_members(
                file.read_bytes(), file.name, user=account, dry_run=dry_run
            )
        except (SpreadsheetError, PermissionDenied) as error:
            raise CommandError(str(error)) from error
        for outcome in outcomes:
            self.stdout.write(str(outcome))
        if not applied and not dry_run:
            raise CommandError(
                f"{len(outcomes)} row(s) refused: nothing was imported. Correct them and retry."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
