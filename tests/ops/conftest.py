"""Operations tests: the site's own processes (web, worker, clock from the Procfile) with the
production settings, a real SMTP server, a first install and a release.

They need PostgreSQL (DATABASE_URL) and Redis, as production has; without them they skip,
and with REQUIRE_LOAD=1 (CI) they fail instead. They ask for no `db`, so they run last.
"""

import pytest

from tests.demo_site import build_demo_site, ensure_test_database
from tests.demo_site import require as shared_require
from tests.processes import REDIS_URL, forget_cache, manage, production_environment, redis_answers


def require(condition, reason):
    shared_require(condition, reason, unless_set="REQUIRE_LOAD")


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test database with the demo site, committed, for processes to serve, and the
    environment of a production machine for it; the package's tests may use the database too."""
    from django.db import connection, connections

    require(connection.vendor == "postgresql", "operations tests need PostgreSQL (set DATABASE_URL)")
    require(redis_answers(), f"operations tests need Redis at {REDIS_URL}")
    work = tmp_path_factory.mktemp("ops")
    with django_db_blocker.unblock(), ensure_test_database():
        build_demo_site()
        environment = production_environment(dict(connection.settings_dict), work, WEB_CONCURRENCY="2")
        manage(environment, "collectstatic", "--noinput", "-v0")
        connections.close_all()
        try:
            yield environment
        finally:
            forget_cache(environment["CACHE_KEY_PREFIX"])
            connections.close_all()
