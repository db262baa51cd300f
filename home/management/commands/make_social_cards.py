from django.core.management.base import BaseCommand

from home import social_cards


class Command(BaseCommand):
    help = "Make the social card of every live page that lacks one, and delete cards no page uses."

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-unused", action="store_true", help="keep the cards no live page uses"
        )

    def handle(self, *args, keep_unused, **options):
        count = social_cards.make_all(clean=not keep_unused)
        self.stdout.write(f"{count} social cards in place.")
