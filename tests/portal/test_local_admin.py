import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_local_admin_is_created_once_and_its_login_printed(settings, capsys):
    settings.DEBUG = True

    call_command("ensure_local_admin", address="127.0.0.1:8300")
    call_command("ensure_local_admin", address="127.0.0.1:8300")

    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8300/admin/" in out and "'admin'" in out


def test_local_admin_is_refused_outside_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("ensure_local_admin")

    assert not get_user_model().objects.filter(username="admin").exists()
