from django.core.management.base import BaseCommand, CommandError

from operations.personal_data import erase, export, rows_of


class Command(BaseCommand):
    help = (
        "Answer an access or erasure request: export (JSON) or erase everything the site keeps "
        "about one e-mail address."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["show", "export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--output", help="write the export to this file instead of stdout")
        parser.add_argument("--yes", action="store_true", help="erase without asking")

    def handle(self, *args, action, email, output=None, yes=False, **options):
        if "@" not in email:
            raise CommandError(f"{email!r} is not an e-mail address.")
        if action == "show":
            for model, rows in rows_of(email):
                self.stdout.write(f"{model._meta.label}: {rows.count()}")
        elif action == "export":
            data = export(email)
            if output:
                with open(output, "w", encoding="utf-8") as file:
                    file.write(data)
                self.stdout.write(f"Written to {output}.")
            else:
                self.stdout.write(data)
        else:
            if not yes and input(f"Erase everything about {email}? [y/N] ").lower() != "y":
                raise CommandError("Nothing erased.")
            for label, count in erase(email).items():
                self.stdout.write(f"{label}: {count} erased")
