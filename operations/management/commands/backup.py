from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", help="the folder to create (default: backups/<date-time>)"
        )

    def handle(self, *args, folder=None, **options):
        folder = folder or f"backups/{timezone.now():%Y%m%d-%H%M%S}"
        try:
            self.stdout.write(f"Backup written to {backup(folder)}.")
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
