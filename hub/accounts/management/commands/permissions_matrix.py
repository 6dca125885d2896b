from django.core.management.base import BaseCommand

from hub.core.permissions import permissions_matrix_markdown


class Command(BaseCommand):
    help = "Print the role × action permissions matrix as the README shows it."

    def handle(self, *args, **options):
        self.stdout.write(permissions_matrix_markdown())
