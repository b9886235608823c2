import subprocess
import sys

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from portal.management.commands import ensure_local_admin


@pytest.mark.django_db
def test_local_admin_is_created_once_and_its_login_printed(settings, capsys, monkeypatch):
    settings.DEBUG = True
    # The test database is not the project's db.sqlite3; the guard itself is tested below.
    monkeypatch.setattr(ensure_local_admin, "is_local_sqlite_file", lambda: True)

    call_command("ensure_local_admin", address="127.0.0.1:8300")
    call_command("ensure_local_admin", address="127.0.0.1:8300")

    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8300/admin/" in out and "'admin'" in out


@pytest.mark.django_db
def test_local_admin_is_refused_outside_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("ensure_local_admin")

    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_local_admin_is_refused_on_the_test_database(settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="local SQLite file"):
        call_command("ensure_local_admin")

    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.parametrize(
    "database_url",
    ["postgres://postgres@127.0.0.1:5432/portal_production", "sqlite:////tmp/another-portal.sqlite3"],
    ids=["postgresql", "another-sqlite-file"],
)
def test_make_run_creates_no_admin_in_a_database_named_by_database_url(database_url):
    """`make run` with DATABASE_URL pointing at a real database (dev settings, DEBUG on) is refused
    before the command touches that database."""
    result = subprocess.run(
        [sys.executable, "manage.py", "ensure_local_admin"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DATABASE_URL": database_url},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "only works on the local SQLite file" in result.stderr
    assert "password 'admin'" not in result.stdout
