from django.core.management.base import BaseCommand, CommandError

from hub.ops.backup import BackupError, check, restore


class Command(BaseCommand):
    help = "Replace the database and uploaded files with those of a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm that the current database and files may be replaced.",
        )

    def handle(self, *args, folder, yes, **options):
        try:
            manifest = check(folder)
            if not yes:
                raise CommandError(
                    f"This replaces every record and file with the backup of "
                    f"{manifest['created_at']}. Run again with --yes to go ahead."
                )
            restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created_at']}.")
