from django.core.management.base import BaseCommand

from hub.core.permissions import role_label
from hub.demo.loader import load_demo
from hub.training.models import Certificate


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
        self.stdout.write("  Sign in:        http://127.0.0.1:8000/accounts/login/")
        self.stdout.write("  Editors' admin: http://127.0.0.1:8000/admin/")
        certificate = Certificate.objects.order_by("issued_at").first()
        if certificate is not None:
            self.stdout.write(
                f"  A certificate:  http://127.0.0.1:8000{certificate.get_absolute_url()}"
            )
        self.stdout.write("")
        for email, password, roles in credentials:
            if password:
                role_names = ", ".join(role_label(role) for role in roles) or "Practitioner"
                self.stdout.write(f"  {role_names:<28} {email:<40} password {password}")
        self.stdout.write("")
        self.stdout.write(
            "  Staff roles set up a second factor (any authenticator app) at first sign-in."
        )
        self.stdout.write("")
