"""A release (new code, the service's restart of the README) never serves a page of the old one,
and the site keeps answering while gunicorn restarts: systemd holds the listening socket
(deploy/systemd/portal-web.socket), as the test does here."""

import shutil
import threading

import pytest
import requests

from django.conf import settings

from tests.processes import held_socket, manage, start, wait_for

PAGES = ["/en/", "/zh-hans/", "/en/about/", "/zh-hans/about/"]
MARKER = '<meta name="release" content="next">'
NOT_DEPLOYED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "staticfiles", "media", "private", "test-results", "docs", "tests", "*.sqlite3*"
)


class Deployed:
    """The release as deployed on a machine: a copy of the code, its own static files, and the
    web service on a socket that outlives it."""

    def __init__(self, folder, environment, work):
        self.folder, self.environment, self.work = folder, environment, work
        self.listener = held_socket()
        self.web = self.start()

    def start(self):
        return start("web", self.environment, self.work, cwd=self.folder, listener=self.listener)

    def restart(self):
        """`systemctl restart portal-web`: a graceful stop (TERM), then a new gunicorn on the socket."""
        self.web.stop()
        self.web = self.start()

    def close(self):
        self.web.stop()
        self.listener.close()


@pytest.fixture
def deployed(demo_site, tmp_path):
    folder = tmp_path / "release"
    shutil.copytree(settings.BASE_DIR, folder, ignore=NOT_DEPLOYED)
    environment = {**demo_site, "STATIC_ROOT": str(tmp_path / "static")}
    manage(environment, "collectstatic", "--noinput", "-v0", cwd=folder)
    site = Deployed(folder, environment, tmp_path)
    try:
        yield site
    finally:
        site.close()


# While the new gunicorn starts, requests wait in the listening socket's queue for it: slow on a
# busy machine, never refused.
PATIENCE_SECONDS = 45


def read(web, path):
    return requests.get(web.url + path, headers={"X-Forwarded-Proto": "https"}, timeout=PATIENCE_SECONDS)


class Poller(threading.Thread):
    """Asks /healthz and a page without pause and keeps every failure (an error, a refused or
    dropped connection)."""

    def __init__(self, web):
        super().__init__(daemon=True)
        self.web, self.failures, self.answers = web, [], 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for path in ("/healthz", "/en/about/"):
                try:
                    status = read(self.web, path).status_code
                except requests.RequestException as error:
                    self.failures.append(f"{path}: {error}")
                    continue
                self.answers += 1
                if status != 200:
                    self.failures.append(f"{path}: HTTP {status}")


def test_after_a_release_no_page_of_the_old_one_is_served(deployed):
    web = deployed.web
    for path in PAGES:
        read(web, path)
    assert all(read(web, path).headers.get("X-Page-Cache") == "hit" for path in PAGES)

    base = deployed.folder / "templates" / "base.html"
    base.write_text(base.read_text().replace("<head>", f"<head>\n{MARKER}", 1))
    poller = Poller(web)
    poller.start()
    deployed.restart()
    released = wait_for(lambda: MARKER in read(web, "/en/about/").text, seconds=60)
    poller.stopping.set()
    poller.join(timeout=30)

    assert released, f"the new release was never served:\n{deployed.web.log_tail()}"
    for path in PAGES:
        assert MARKER in read(web, path).text, f"{path} still comes from the old release"
    assert poller.answers > 0 and poller.failures == []
