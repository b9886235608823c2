"""This site beside wagtail/bakerydemo (Wagtail's reference site), served alike, measured alike.

`benchmark_pages --bakerydemo PATH` sets bakerydemo up from a clone at PATH in a scratch folder of
its own (a virtualenv, its demo data loaded with its `load_initial_data` into a database of its own
on the same PostgreSQL), serves both sites with gunicorn, two sync workers each, production
settings, and drives each page with a load client (uncached: every request with a cookie, which
this site's page cache never answers, so that both sites render each one). What it compares is the CPU the workers spent
per request (read from /proc, so other work on the machine hardly moves it) plus the CPU of the
database's backends per request; requests per second are printed beside, noisier.
"""

import glob
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection

from . import procstats, timing
from .nginx import running_nginx

# Like pages of the two sites: ours by role, bakerydemo's found by its shell script below.
BAKERY_QUERIES = r"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bakerydemo.blog.models import BlogPage
from bakerydemo.breads.models import BreadPage
urls = {"home": "/", "listing": "/blog/", "detail": BlogPage.objects.live().first().url,
        "like page": BreadPage.objects.live().first().url, "search": "/search/?q=bread"}
client = Client(HTTP_HOST="localhost", headers={"X-Forwarded-Proto": "https"})
counts = {}
for role, url in urls.items():
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    counts[role] = [url, len(captured), status]
print("BAKERY-JSON" + json.dumps(counts))
"""


# A visitor the page cache never answers (its CSRF cookie: a form was opened), so that every
# request is rendered: the uncached rows of the table.
VISITOR_WITH_A_COOKIE = {"Cookie": "csrftoken=" + "k" * 32}


@dataclass
class Site:
    """One site as served: its gunicorn command and environment, and its pages by role."""

    name: str
    argv: list
    environment: dict
    cwd: Path
    database: str
    pages: dict = field(default_factory=dict)  # role -> path
    queries: dict = field(default_factory=dict)  # role -> queries per request


def bakerydemo(source, scratch, database_url, database_name, python, stdout):
    """bakerydemo ready to serve: a virtualenv in `scratch`, its database created, migrated, loaded."""
    source = Path(source).resolve()
    venv = scratch / "venv"
    if not (venv / "bin" / "gunicorn").exists():
        stdout.write(f"Installing bakerydemo's requirements into {venv} …")
        _run([python, "-m", "venv", str(venv)])
        _run(
            [str(venv / "bin" / "pip"), "install", "-q", "-r", str(source / "requirements" / "base.txt")]
            + ["psycopg[binary]>=3.3,<3.4", "gunicorn", "whitenoise>=6.11,<7", "django-redis>=6,<7"]
        )
    _create_database(database_name)
    environment = {
        "PATH": f"{venv / 'bin'}:{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "false",
    }
    manage = [str(venv / "bin" / "python"), "manage.py"]
    _run([*manage, "migrate", "--noinput", "-v0"], environment, source)
    if not _has_pages(database_name):
        _run([*manage, "load_initial_data"], environment, source)
    _run([*manage, "collectstatic", "--noinput", "-v0"], environment, source)
    output = _run([*manage, "shell", "-c", BAKERY_QUERIES], environment, source)
    found = json.loads(output.split("BAKERY-JSON", 1)[1])
    site = Site(
        "bakerydemo",
        [str(venv / "bin" / "gunicorn"), "-w", "2", "--access-logfile", "/dev/null", "bakerydemo.wsgi:application"],
        environment,
        source,
        database_name,
    )
    for role, (url, queries, status) in found.items():
        if status == 200:
            site.pages[role], site.queries[role] = url, queries
    return site


def this_site(environment, pages, queries):
    """This site as the Procfile's `web` runs it (gunicorn.conf.py), with two sync workers."""
    return Site(
        "this site",
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
            "portal.wsgi",
        ],
        {**environment, "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "1"},
        Path(settings.BASE_DIR),
        connection.settings_dict["NAME"],
        pages,
        queries,
    )


def _run(argv, environment=None, cwd=None):
    done = subprocess.run(argv, env=environment, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv[:4])} … failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def _create_database(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')


def _has_pages(database_name):
    settings_dict = connection.settings_dict
    import psycopg

    with (
        psycopg.connect(
            host=settings_dict["HOST"] or "localhost",
            port=settings_dict["PORT"] or 5432,
            user=settings_dict["USER"],
            password=settings_dict["PASSWORD"] or None,
            dbname=database_name,
        ) as other,
        other.cursor() as cursor,
    ):
        cursor.execute("SELECT to_regclass('wagtailcore_page') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SELECT count(*) FROM wagtailcore_page")
        return cursor.fetchone()[0] > 2


@dataclass
class Served:
    master: int
    port: int

    def workers(self):
        return procstats.children(self.master)


@contextmanager
def serve(site, port, extra_environment=None):
    """The site's gunicorn on 127.0.0.1:`port` until the block ends."""
    log = tempfile.TemporaryFile()
    environment = {**site.environment, **(extra_environment or {}), "GUNICORN_BIND": f"127.0.0.1:{port}"}
    process = subprocess.Popen(  # noqa: S603
        [*site.argv[:1], "--bind", f"127.0.0.1:{port}", *site.argv[1:]],
        env=environment,
        cwd=site.cwd,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    try:
        _wait_for(port, process, log)
        yield Served(process.pid, port)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def _wait_for(port, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError("gunicorn stopped: " + log.read().decode(errors="replace")[-2000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {seconds} s.")


def database_backends(database_name):
    """Pids of the PostgreSQL backends connected to the database (gunicorn's kept connections)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database_name]
        )
        return [row[0] for row in cursor.fetchall()]


@dataclass
class Run:
    """One path under load: requests answered, rate, and CPU ms per request of workers and database."""

    ok: int
    other: int
    rps: float
    worker_ms: float
    database_ms: float
    p95: float

    @property
    def server_ms(self):
        return self.worker_ms + self.database_ms


def drive(served, host_port, path, seconds, connections, database_name=None, headers=None):
    """Load on `path` (through `host_port`, nginx or gunicorn itself), measuring the workers' CPU."""
    timing.load_test("127.0.0.1", host_port, path, 1.0, 300, connections, headers)  # warm: templates, connections
    workers = procstats.CPUMeter(served.workers()).start()
    backends = procstats.CPUMeter(_readable(database_backends(database_name)) if database_name else []).start()
    result = timing.load_test("127.0.0.1", host_port, path, seconds, 10**9, connections, headers)
    workers.stop()
    backends.stop()
    return Run(
        ok=result["ok"],
        other=result["other"],
        rps=result["rps"],
        worker_ms=workers.per_request_ms(result["ok"]),
        database_ms=backends.per_request_ms(result["ok"]),
        p95=result["p95"],
    )


def _readable(pids):
    return [pid for pid in pids if os.path.exists(f"/proc/{pid}/stat")]


def memory(served):
    """(PSS, USS) in MB of each worker."""
    return [procstats.memory_mb(pid) for pid in served.workers()]


def server_memory(served):
    """PSS in MB of the master and its workers together: the memory the whole server takes."""
    return sum(procstats.memory_mb(pid)[0] for pid in (served.master, *served.workers()))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_folder(path=None):
    folder = Path(path or tempfile.gettempdir()) / "benchmark-bakerydemo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def python_for_bakerydemo():
    """A Python that bakerydemo's Django accepts (Django 6 needs 3.12 or later): on the PATH, or
    among pyenv's versions (whose shim on the PATH may refuse a version that is not selected)."""
    candidates = [shutil.which(name) for name in ("python3.13", "python3.12")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[23]*/bin/python3")), reverse=True)
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", ""], capture_output=True, check=False).returncode == 0:  # noqa: S603
            return candidate
    return sys.executable


# The table ---------------------------------------------------------------------------------


def ratio(ours, theirs):
    return f"{ours / theirs:.2f}" if theirs else "-"


def server_cell(run):
    if run is None:
        return "-"
    return f"{run.worker_ms:.1f} + {run.database_ms:.1f} DB"


def format_table(rows):
    """Markdown: a header and one line per row of (label, ours, theirs, ratio)."""
    lines = ["| | this site | bakerydemo | ratio |", "| --- | --- | --- | --- |"]
    lines += [f"| {label} | {ours} | {theirs} | {share} |" for label, ours, theirs, share in rows]
    return "\n".join(lines)


@contextmanager
def front_door(upstream_port):
    """nginx from deploy/nginx/portal.conf in front of gunicorn on `upstream_port`; yields its port.

    The same file the load tests start (devtools/nginx.py: only `listen` and the upstream's
    address change)."""
    work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    try:
        with running_nginx(f"127.0.0.1:{upstream_port}", work) as front:
            yield urlsplit(front.url).port
    finally:
        shutil.rmtree(work, ignore_errors=True)
