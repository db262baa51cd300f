from django.core.management import call_command
from django.core.management.base import BaseCommand

from operations.mail import send_due
from operations.personal_data import forget_expired_login_failures, purge_expired


class Command(BaseCommand):
    help = (
        "The scheduler's minute: publish and unpublish scheduled pages, send the outbox's due "
        "e-mails, delete personal data past its retention period and failed logins past "
        "their cool-off."
    )

    def handle(self, *args, **options):
        call_command("publish_scheduled", stdout=self.stdout)
        self.stdout.write(f"{send_due()} e-mails sent.")
        purged = sum(purge_expired().values())
        if purged:
            self.stdout.write(f"{purged} records past the retention period deleted.")
        forgotten = forget_expired_login_failures()
        if forgotten:
            self.stdout.write(f"Failed logins past their cool-off deleted: {forgotten}.")
