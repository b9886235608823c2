"""Load and fault tests: the demo site on two app machines, as in production.

Each machine is a gunicorn server with nginx in front of it, started from the production
site file (deploy/nginx/portal.conf, see devtools/nginx.py); one background worker sends the
mail of both (`manage.py run_worker`). All of them run the production settings from the same
PostgreSQL test database and the same Redis, with collected (hashed, compressed) static
files. Clients speak to the nginx servers as the load balancer would: plain HTTP on loopback,
with X-Forwarded-Proto: https and each visitor's own address in X-Forwarded-For. nginx
appends its peer's, so the app reads the visitor from "visitor, load balancer"
(TRUSTED_PROXY_COUNT=2) and per-address rate limits apply to each visitor, not to the test.

They need PostgreSQL (DATABASE_URL), Redis (REDIS_URL, or 127.0.0.1:6379) and nginx; without
them they skip, and with REQUIRE_LOAD=1 (CI sets it) they fail instead. Like the browser
tests they ask for no `db` (see tests/demo_site.py), so they run after the rest.
"""

import os
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from devtools.nginx import Nginx, free_ports, nginx_binary, start_nginx
from tests.demo_site import build_demo_site, ensure_test_database
from tests.demo_site import require as shared_require
from tests.processes import (
    REDIS_URL,
    forget_cache,
    manage,
    production_environment,
    redis_answers,
    start,
    wait_until_healthy,
)

from .visitors import MODERATOR, PRESS_OFFICER

WORKERS, THREADS = 2, 4
# How long a test waits for the worker to send a message the site queued.
MAIL_SECONDS = 20


def require(condition, reason):
    shared_require(condition, reason, unless_set="REQUIRE_LOAD")


def _tail(path, lines):
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


@dataclass
class AppServer:
    """One app machine: gunicorn (`process`, at `upstream_url`) behind nginx (`front`, at `url`,
    where clients go)."""

    name: str
    url: str
    upstream_url: str
    process: subprocess.Popen
    log: Path
    front: Nginx | None = None

    def log_tail(self, lines=40):
        tail = _tail(self.log, lines)
        if self.front is not None:
            tail += f"\n-- nginx\n{self.front.log_tail(lines // 2)}"
        return tail

    def running(self):
        return self.process.poll() is None and (self.front is None or self.front.running())


@dataclass
class Worker:
    process: subprocess.Popen
    log: Path

    def running(self):
        return self.process.poll() is None


@dataclass
class Stack:
    servers: list
    worker: Worker
    mail_dir: Path
    cache_prefix: str
    database: dict = field(repr=False)
    workers: int = WORKERS
    threads: int = THREADS

    def mail(self):
        """Every message the worker has sent so far, as raw text (Django's file backend writes
        a line of 79 dashes after each)."""
        for path in sorted(self.mail_dir.glob("*.log")):
            yield from (message for message in path.read_text().split("-" * 79) if message.strip())

    def wait_for_mail(self, enough, what, timeout=MAIL_SECONDS):
        """The messages sent so far, as soon as `enough(messages)` is true: the site only
        queues mail, and the worker sends it a moment later. Fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            messages = list(self.mail())
            if enough(messages):
                return messages
            if not self.worker.running():
                pytest.fail(f"the worker exited before sending {what}\n{self.logs()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the worker had not sent {what} after {timeout} s ({len(messages)} messages in all)\n{self.logs()}",
                    pytrace=False,
                )
            time.sleep(0.2)

    def mail_to(self, address, count=1, timeout=MAIL_SECONDS):
        """Every message sent to `address`, once there are at least `count`."""

        def to_address(messages):
            return [message for message in messages if f"\nTo: {address}\n" in f"\n{message}"]

        messages = self.wait_for_mail(lambda sent: len(to_address(sent)) >= count, f"{count} to {address}", timeout)
        return to_address(messages)

    def logs(self):
        parts = [f"== {server.name}\n{server.log_tail()}" for server in self.servers]
        parts.append(f"== worker\n{_tail(self.worker.log, 20)}")
        return "\n\n".join(parts)


@pytest.fixture(scope="package")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection, connections

    require(connection.vendor == "postgresql", "load tests need PostgreSQL (set DATABASE_URL)")
    require(redis_answers(), f"load tests need Redis at {REDIS_URL}")
    require(nginx_binary() is not None, "load tests need nginx (apt-get install nginx)")

    work = tmp_path_factory.mktemp("load")
    with django_db_blocker.unblock(), ensure_test_database():
        build_demo_site()
        _create_staff()
        database = dict(connection.settings_dict)
        connections.close_all()
        prefix = f"loadtest-{uuid.uuid4().hex[:12]}"
        environment = _server_environment(database, work, prefix)
        manage(environment, "collectstatic", "--noinput", "-v0")
        servers, worker = [], None
        try:
            front_a, front_b, upstream_a, upstream_b = free_ports(4)
            # As a first install does: the Site answers at the public address (absolute links use it).
            manage({**environment, **_public_address(front_a)}, "install_site")
            for name, front_port, port in (("a", front_a, upstream_a), ("b", front_b, upstream_b)):
                servers.append(_start_server(name, {**environment, **_public_address(front_a)}, work, port, front_port))
            worker = _start_worker(environment, work, _public_address(front_a))
            for server in servers:
                front_port = urlsplit(server.url).port
                server.front = start_nginx(
                    urlsplit(server.upstream_url).netloc, work / f"nginx-{server.name}", front_port
                )
                wait_until_healthy(server)
            yield Stack(servers=servers, worker=worker, mail_dir=work / "mail", cache_prefix=prefix, database=database)
        finally:
            for server in servers:
                if server.front is not None:
                    server.front.stop()
            _stop_processes([server.process for server in servers] + ([worker.process] if worker else []))
            forget_cache(prefix)
            connections.close_all()


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


def _server_environment(database, work, prefix):
    (work / "mail").mkdir()
    return production_environment(
        database,
        work,
        CACHE_KEY_PREFIX=prefix,
        # The load balancer's address (the test's) and then nginx's end X-Forwarded-For.
        TRUSTED_PROXY_COUNT="2",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(work / "mail"),
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_THREADS=str(THREADS),
    )


def _public_address(front_port):
    # What visitors use (the machine's nginx, over the load balancer's HTTPS), in the links the
    # site builds outside a request.
    return {"SITE_URL": f"https://127.0.0.1:{front_port}"}


def _start_server(name, environment, work, port, front_port):
    """gunicorn on `port`, as the Procfile's `web` runs it, which nginx on `front_port` will stand in
    front of. Every app machine has the same public address (SITE_URL), the first nginx's."""
    web = start("web", environment, work, port=port)
    return AppServer(
        name=name, url=f"http://127.0.0.1:{front_port}", upstream_url=web.url, process=web.popen, log=web.log
    )


def _start_worker(environment, work, public_address):
    """The background worker, as the Procfile's `worker` runs it."""
    worker = start("worker", {**environment, **public_address}, work)
    return Worker(process=worker.popen, log=worker.log)


def _stop_processes(processes):
    """Asks them all to stop at once (each finishes what it is doing), then waits for each."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    for process in running:
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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
