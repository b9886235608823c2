"""The demo site in the test database, for tests that serve it to real clients (browser, load),
and the rule that such tests skip without their tools, except in CI.

Such tests ask for no `db` fixture (pytest-django would wrap each in a transaction that the
server cannot see), so they build the site themselves, once per folder.
"""

import os
from contextlib import contextmanager
from io import StringIO

import pytest


def require(condition, reason, unless_set):
    """Skips the test without `condition`; fails it instead when the environment variable
    `unless_set` is 1, as CI sets it, so that a missing tool cannot pass as a skip there."""
    if condition:
        return
    if os.environ.get(unless_set) == "1":
        pytest.fail(f"{reason} ({unless_set}=1)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def environment(**variables):
    previous = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def ensure_test_database():
    """pytest-django creates the test database only when a collected test asks for `db`;
    run alone, this folder asks for none, so it creates one itself. Never the real one."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        yield
        return
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        yield
    finally:
        teardown_databases(databases, verbosity=0)


def build_demo_site():
    from django.core.management import call_command

    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        pytest.fail(
            "The test database has lost the rows its migrations create (Wagtail's root page): "
            "a transactional test that ran earlier emptied it.",
            pytrace=False,
        )
    call_command("load_demo_content", stdout=StringIO())
