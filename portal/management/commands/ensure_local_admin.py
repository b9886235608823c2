from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - local development only; refused unless DEBUG is on


class Command(BaseCommand):
    help = "Creates the local development superuser admin/admin and prints the admin login."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="127.0.0.1:8000", help="where runserver will listen")

    def handle(self, *args, **options):
        address = options["address"]
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development only (DEBUG is off).")
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user_model.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site: http://{address}/en/ and http://{address}/zh-hans/\n"
                f"Admin: http://{address}/admin/  user '{USERNAME}', password '{PASSWORD}'"
            )
        )
