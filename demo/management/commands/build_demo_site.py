import os

from django.core.management.base import BaseCommand

from demo.builder import DemoSiteBuilder


class Command(BaseCommand):
    help = "Build (or bring up to date) the bilingual demo site. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000"),
            help="Address the demo site answers on (default: $SITE_BASE_URL or http://127.0.0.1:8000).",
        )

    def handle(self, *args, base_url, **options):
        builder = DemoSiteBuilder(base_url, stdout=self.stdout)
        builder.build()
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
