import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.builder import DemoSiteBuilder
from demo.volume import VolumeBuilder


class Command(BaseCommand):
    help = "Build (or bring up to date) the bilingual demo site. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000"),
            help="Address the demo site answers on (default: $SITE_BASE_URL or http://127.0.0.1:8000).",
        )
        parser.add_argument(
            "--volume",
            type=int,
            default=0,
            metavar="N",
            help="Also add N news items and N/5 events per language, for benchmarks.",
        )

    def handle(self, *args, base_url, volume, **options):
        builder = DemoSiteBuilder(base_url, stdout=self.stdout)
        builder.build()
        if volume > 0:
            VolumeBuilder(volume, stdout=self.stdout).build()
        call_command("make_social_cards", stdout=self.stdout)
        for username, role, password in builder.role_users:
            self.stdout.write(
                f"  {role}: user “{username}”, password “{password}” (local use only)"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo site ready at {base_url}/ — admin at {base_url}/admin/ "
                f"with user “admin”, password “{builder.password}” (local use only)."
            )
        )
