from django.core.management.base import BaseCommand

from staff.roles import apply_roles


class Command(BaseCommand):
    help = "Create or update the staff groups, their permissions and the approval workflow."

    def handle(self, *args, **options):
        for name, group in apply_roles().items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
