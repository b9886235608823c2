"""Shared fixtures of the security tests: the demo site (built once per module), staff of every role."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Roles as the site knows them: the groups come from migrations (portal, pressroom, cns).
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
def _fresh_cache():
    """Rate limits and the page cache live in the cache; every test starts with it empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db, django_user_model):
    """One user per role (None for anonymous), each in exactly the group of that role."""
    made = {"anonymous": None}
    for role, group in ROLE_GROUPS.items():
        if role == "anonymous":
            continue
        if role == "superuser":
            made[role] = django_user_model.objects.create_superuser(role, f"{role}@example.org", "pw")
            continue
        user = django_user_model.objects.create_user(role, f"{role}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        made[role] = user
    return made


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")
