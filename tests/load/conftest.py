"""Load and fault tests: the demo site behind two gunicorn servers, as in production.

Both servers run the production settings from the same PostgreSQL test database and the
same Redis, with collected (hashed, compressed) static files. Clients speak to them as
the load balancer would: plain HTTP on loopback, with X-Forwarded-Proto: https and each
visitor's own address in X-Forwarded-For (TRUSTED_PROXY_COUNT=1), so per-address rate
limits apply to each visitor, not to the test.

They need PostgreSQL (DATABASE_URL) and Redis (REDIS_URL, or 127.0.0.1:6379); without
them they skip, and with REQUIRE_LOAD=1 (CI sets it) they fail instead. Like the browser
tests they ask for no `db` (see tests/demo_site.py), so they run after the rest.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from django.conf import settings

from tests.demo_site import build_demo_site, ensure_test_database
from tests.demo_site import require as shared_require

from .visitors import MODERATOR, PRESS_OFFICER

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
WORKERS, THREADS = 2, 4
STARTUP_SECONDS = 30


def require(condition, reason):
    shared_require(condition, reason, unless_set="REQUIRE_LOAD")


@dataclass
class AppServer:
    name: str
    url: str
    process: subprocess.Popen
    log: Path

    def log_tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def running(self):
        return self.process.poll() is None


@dataclass
class Stack:
    servers: list
    mail_dir: Path
    cache_prefix: str
    database: dict = field(repr=False)
    workers: int = WORKERS
    threads: int = THREADS

    def mail(self):
        """Every message both servers sent, as raw text (Django's file backend writes a
        line of 79 dashes after each)."""
        for path in sorted(self.mail_dir.glob("*.log")):
            yield from (message for message in path.read_text().split("-" * 79) if message.strip())

    def mail_to(self, address):
        """Every message sent to `address`."""
        return [message for message in self.mail() if f"\nTo: {address}\n" in f"\n{message}"]

    def logs(self):
        return "\n\n".join(f"== {server.name}\n{server.log_tail()}" for server in self.servers)


@pytest.fixture(scope="package")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection, connections

    require(connection.vendor == "postgresql", "load tests need PostgreSQL (set DATABASE_URL)")
    require(_redis_answers(), f"load tests need Redis at {REDIS_URL}")

    work = tmp_path_factory.mktemp("load")
    with django_db_blocker.unblock(), ensure_test_database():
        build_demo_site()
        _create_staff()
        database = dict(connection.settings_dict)
        connections.close_all()
        prefix = f"loadtest-{uuid.uuid4().hex[:12]}"
        environment = _server_environment(database, work, prefix)
        _collect_static(environment)
        servers = []
        try:
            for name in ("a", "b"):
                servers.append(_start_server(name, environment, work))
            for server in servers:
                _wait_until_healthy(server)
            yield Stack(servers=servers, mail_dir=work / "mail", cache_prefix=prefix, database=database)
        finally:
            for server in servers:
                _stop_server(server)
            _forget_cache(prefix)
            connections.close_all()


def _redis_answers():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def _create_staff():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group, User

    for (username, password), group in ((MODERATOR, "Moderators"), (PRESS_OFFICER, "Press officers")):
        user, _created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
        # Hashed as production hashes (the test settings' fast hasher is unknown to the servers).
        hasher = PBKDF2PasswordHasher()
        user.password = hasher.encode(password, hasher.salt())
        user.save()
        user.groups.add(Group.objects.get(name=group))


def _database_url(database):
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or "5432"
    return f"postgres://{credentials}@{host}:{port}/{database['NAME']}"


def _server_environment(database, work, prefix):
    for folder in ("mail", "media", "private", "static"):
        (work / folder).mkdir()
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=_database_url(database),
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        TRUSTED_PROXY_COUNT="1",
        PAGE_CACHE_SECONDS="300",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(work / "mail"),
        MEDIA_ROOT=str(work / "media"),
        PRIVATE_MEDIA_ROOT=str(work / "private"),
        STATIC_ROOT=str(work / "static"),
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_THREADS=str(THREADS),
        LOG_LEVEL="WARNING",
    )
    return environment


def _collect_static(environment):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=environment,
        cwd=settings.BASE_DIR,
        check=True,
    )


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(name, environment, work):
    port = _free_port()
    log = work / f"gunicorn-{name}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"],
        env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{port}"},
        cwd=settings.BASE_DIR,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return AppServer(name=name, url=f"http://127.0.0.1:{port}", process=process, log=log)


def _wait_until_healthy(server):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not server.running():
            pytest.fail(f"gunicorn {server.name} exited:\n{server.log_tail()}", pytrace=False)
        try:
            if requests.get(f"{server.url}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn {server.name} did not become healthy:\n{server.log_tail()}", pytrace=False)


def _stop_server(server):
    if server.running():
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()


def _forget_cache(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture
def cluster(stack):
    """The PostgreSQL cluster serving the test database, started again whatever the test does."""
    from django.db import connections

    host = stack.database["HOST"] or "localhost"
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    require(
        host in {"127.0.0.1", "localhost", "::1"} and versions and shutil.which("pg_ctlcluster") and os.geteuid() == 0,
        "restarting PostgreSQL needs the local Debian cluster (pg_ctlcluster) and root",
    )
    version = versions[-1]

    def control(action):
        subprocess.run(
            [
                "pg_ctlcluster",
                "--skip-systemctl-redirect",
                version,
                "main",
                action,
                *(["-m", "fast"] if action == "stop" else []),
            ],
            check=action != "start",
            capture_output=True,
            timeout=60,
        )
        if action == "start":
            connections.close_all()  # this process's own connections died with the server

    try:
        yield control
    finally:
        control("start")  # refused harmlessly when it is already running
