from django.core.management.base import BaseCommand, CommandError

from hub.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and every uploaded file into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new or empty folder to write the backup into.")

    def handle(self, *args, folder, **options):
        try:
            manifest = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name, digest in manifest["files"].items():
            self.stdout.write(f"{name}  sha256 {digest}")
        self.stdout.write(f"Backup written to {folder}")
