"""Shared fixtures of the security tests: the demo site (built once per module), staff of every role."""

import io

import pytest
from PIL import Image

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.kit import staff_user

# Roles as the site knows them: the groups are the apps' declared roles (portal, pressroom, cns).
ROLE_GROUPS = {
    "anonymous": None,
    "editor": "Editors",
    "moderator": "Moderators",
    "press_officer": "Press officers",
    "feedback_handler": "CNS feedback handlers",
    "superuser": None,
}
ROLES = tuple(ROLE_GROUPS)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo site, loaded once for the module inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (the `db` fixture), so what a test creates is gone
    before the next one starts.
    """
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=media / "public", PRIVATE_MEDIA_ROOT=media / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """Rate limits and the page cache live in the cache; every test starts with it empty."""


@pytest.fixture
def users(db):
    """One user per role (None for anonymous), each in exactly the group of that role."""
    made = {}
    for role, group in ROLE_GROUPS.items():
        if role == "anonymous":
            made[role] = None
        elif role == "superuser":
            made[role] = staff_user(superuser=True, username=role)
        else:
            made[role] = staff_user(group, username=role)
    return made


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()
