from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - only ever in the developer's own SQLite file (see below)


def is_local_sqlite_file():
    """The database is the SQLite file of `make run` in the project folder, never a server."""
    local_file = settings.BASE_DIR / "db.sqlite3"
    return connection.vendor == "sqlite" and str(connection.settings_dict["NAME"]) == str(local_file)


class Command(BaseCommand):
    help = "Creates the local development superuser admin/admin in db.sqlite3 and prints the admin login."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="127.0.0.1:8000", help="where the local site listens")

    def handle(self, *args, **options):
        address = options["address"]
        if not settings.DEBUG or not is_local_sqlite_file():
            raise CommandError(
                "ensure_local_admin only works on the local SQLite file with DEBUG on; it creates no "
                "account in any other database. Create an administrator with `manage.py createsuperuser`."
            )
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user_model.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site: http://{address}/en/ and http://{address}/zh-hans/\n"
                f"Admin: http://{address}/admin/  user '{USERNAME}', password '{PASSWORD}'"
            )
        )
