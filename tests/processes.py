"""The site's own processes, started for a test as production starts them: each from its line
of the Procfile, with the production settings, on the test database.

Tests that use them ask for no `db` (see tests/demo_site.py) and need PostgreSQL, which
several processes can share; without it they skip, and with REQUIRE_LOAD=1 (CI) they fail.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from django.conf import settings

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
STARTUP_SECONDS = 30


def procfile(root=None):
    """{name: command} of the Procfile."""
    lines = Path(root or settings.BASE_DIR, "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(database):
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or "5432"
    return f"postgres://{credentials}@{host}:{port}/{database['NAME']}"


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def forget_cache(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def production_environment(database, work, **overrides):
    """The environment of a production machine: settings, the test database, the shared
    Redis under a prefix of its own, folders under `work`, and `overrides`."""
    for folder in ("media", "private", "static"):
        (work / folder).mkdir(exist_ok=True)
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    environment.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url(database),
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"test-{secrets.token_hex(6)}",
        TRUSTED_PROXY_COUNT="1",
        PAGE_CACHE_SECONDS="300",
        MEDIA_ROOT=str(work / "media"),
        PRIVATE_MEDIA_ROOT=str(work / "private"),
        STATIC_ROOT=str(work / "static"),
        LOG_LEVEL="WARNING",
    )
    environment.update(overrides)
    return environment


def manage(environment, *arguments, cwd=None, check=True, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        env=environment,
        cwd=cwd or settings.BASE_DIR,
        check=check,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    url: str = ""

    def running(self):
        return self.popen.poll() is None

    def log_text(self):
        return self.log.read_text(errors="replace")

    def log_tail(self, lines=40):
        return "\n".join(self.log_text().splitlines()[-lines:])

    def signal(self, signum):
        os.kill(self.popen.pid, signum)

    def stop(self):
        if self.running():
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()


def held_socket():
    """A listening socket on a free port, held as systemd holds portal-web.socket (deploy/systemd):
    gunicorn started with it (`start(..., listener=...)`) serves it, and connections wait in its
    queue while no gunicorn runs."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=2048)
    listener.set_inheritable(True)
    return listener


def start(name, environment, work, cwd=None, port=None, listener=None):
    """Starts the Procfile's process `name` (web, worker, clock); web listens on `port` (a free
    one unless given), or on `listener` (see held_socket), and is returned once it answers.

    `exec` makes the command itself the process, so a signal reaches gunicorn's master."""
    root = Path(cwd or settings.BASE_DIR)
    command = f"exec {procfile(root)[name].strip()}"
    url = ""
    shell, pass_fds = "/bin/sh", ()
    if name == "web" and listener is not None:
        # systemd's socket activation: the socket as file descriptor 3 and LISTEN_FDS/LISTEN_PID
        # naming it, for the process that `exec` makes of this shell (same pid); bash, as dash
        # redirects single-digit descriptors only.
        shell, port, pass_fds = "/bin/bash", listener.getsockname()[1], (listener.fileno(),)
        command = f"exec 3<&{listener.fileno()}; export LISTEN_FDS=1 LISTEN_PID=$$; {command}"
    if name == "web":
        port = port or free_port()
        environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        url = f"http://127.0.0.1:{port}"
    log = work / f"{name}-{secrets.token_hex(3)}.log"
    popen = subprocess.Popen(
        [shell, "-c", command],
        env=environment,
        cwd=root,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        pass_fds=pass_fds,
    )
    process = Process(name=name, popen=popen, log=log, url=url)
    if name == "web":
        wait_until_healthy(process)
    return process


@contextmanager
def running(names, environment, work, cwd=None):
    """The Procfile's processes `names` (a name may repeat: two workers), stopped afterwards."""
    started = []
    try:
        for name in names:
            started.append(start(name, environment, work, cwd))
        yield started
    finally:
        for process in started:
            process.stop()


def wait_until_healthy(server):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not server.running():
            pytest.fail(f"{server.name} exited:\n{server.log_tail()}", pytrace=False)
        try:
            if requests.get(f"{server.url}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"{server.name} did not become healthy:\n{server.log_tail()}", pytrace=False)


def wait_for(condition, seconds, interval=0.2):
    """Polls `condition` until it returns something true or `seconds` pass; returns its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
