from django.core.management.base import BaseCommand

from hub.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the fictional South West (demo) consortium. Running it again changes nothing."

    def handle(self, *args, **options):
        credentials = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("")
        self.stdout.write(
            "  Public site:   http://127.0.0.1:8000/  (Westshire, the first partnership)"
        )
        self.stdout.write("                 http://northmoor.localhost:8000/  (Northmoor)")
        self.stdout.write("  Editors' admin: http://127.0.0.1:8000/admin/")
        for username, password in credentials:
            if password:
                self.stdout.write(f"  Sign in as {username!r} with password {password!r}")
        self.stdout.write("")
