from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database and the uploaded media from a backup folder (replaces them)."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--yes", action="store_true", help="replace without asking")

    def handle(self, *args, folder, yes=False, **options):
        if not yes and input(f"Replace the database and media with {folder}? [y/N] ") != "y":
            raise CommandError("Nothing restored.")
        try:
            restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored from {folder}.")
