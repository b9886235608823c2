"""Real-browser tests: Debian's Chromium, driven by Playwright, against the demo site.

How the site is served, and why not with pytest-django's ``live_server`` fixture: that
fixture makes every test transactional, and a transactional test empties the database
when it ends, so the demo content would have to be rebuilt for every test. Instead the
``live_site`` fixture below builds the demo site once for this folder, in the test
database, and serves it from a live-server thread. These tests ask for no ``db``, so
pytest-django runs them after every test that does (it orders database tests first);
the demo content they leave behind is never seen by another database test.

Playwright's synchronous API keeps an asyncio event loop running in the main thread
while it is started, and Django refuses database calls from a thread with a running
loop; DJANGO_ALLOW_ASYNC_UNSAFE lifts that check only while this folder's browser is
open (Playwright is started and stopped here, not by pytest-playwright's session-wide
fixture, so the rest of the suite never runs beside a running loop).

Without /usr/bin/chromium (or without node_modules/axe-core for the accessibility
checks) these tests skip; with REQUIRE_BROWSER=1 (CI sets it) they fail instead.

Screenshots are written to test-results/screenshots/ (ignored by git);
REFRESH_SCREENSHOTS=1 rewrites the committed docs/screenshots/ instead. (pytest-playwright
empties its own output folder when a session starts; pytest.ini points it at
test-results/playwright/, so that no session wipes the screenshots.)
"""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.conf import settings

from tests.demo_site import build_demo_site, ensure_test_database, environment
from tests.demo_site import require as shared_require
from tests.kit import staff_user

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # Debian's; Playwright's own download is unreachable
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots go to the ignored test-results/screenshots/, so that a test run changes no
# tracked file; REFRESH_SCREENSHOTS=1 writes the committed ones in docs/screenshots/ instead.
REFRESH_SCREENSHOTS = os.environ.get("REFRESH_SCREENSHOTS") == "1"
SCREENSHOTS = Path(settings.BASE_DIR) / ("docs" if REFRESH_SCREENSHOTS else "test-results") / "screenshots"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
WIDTHS = (360, 1440)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STAFF_USERNAME = "moderator"
STAFF_PASSWORD = "a-long-test-password-1"  # noqa: S105


def require(condition, reason):
    shared_require(condition, reason, unless_set="REQUIRE_BROWSER")


@dataclass
class LiveSite:
    url: str
    staff_username: str = STAFF_USERNAME
    staff_password: str = STAFF_PASSWORD
    server: object = None

    @property
    def netloc(self):
        return urlsplit(self.url).netloc

    def wait_until_idle(self, seconds=10):
        """Waits, once the tabs are closed, for the server to finish every request they sent.

        A tab's last requests (an autosave, an editing-session ping) may still be writing when
        its test ends. On SQLite the test database is shared in memory, where a second writer
        gets "database table is locked" at once instead of waiting. A request sent just before
        its tab closed may be accepted after a first look, so the server must be seen idle twice.
        """
        threads = getattr(self.server.thread.httpd, "_threads", None) or ()
        deadline = time.monotonic() + seconds
        quiet_looks = 0
        while quiet_looks < 2 and time.monotonic() < deadline:
            busy = [thread for thread in list(threads) if thread.is_alive()]
            for thread in busy:
                thread.join(max(0, deadline - time.monotonic()))
            quiet_looks = 0 if busy else quiet_looks + 1
            time.sleep(0.05)


@pytest.fixture(scope="package")
def live_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, built once, served from a thread at `live_site.url`."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is not installed")

    from django.db import connections
    from django.test.utils import override_settings

    with (
        environment(DJANGO_ALLOW_ASYNC_UNSAFE="true"),
        override_settings(
            MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
            PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private-media"),
        ),
        django_db_blocker.unblock(),
        ensure_test_database(),
        _short_lived_connections(),
    ):
        _build_demo_site()
        connections.close_all()
        from pytest_django.live_server_helper import LiveServer

        server = LiveServer("127.0.0.1:0")
        try:
            yield LiveSite(url=server.url, server=server)
        finally:
            server.stop()
            connections.close_all()


@contextmanager
def _short_lived_connections():
    """Each request of the server's threads closes its database connection when done.

    Chromium keeps connections alive, so a request thread can outlive the tests; with
    persistent connections (CONN_MAX_AGE) it would hold the test database open and
    keep pytest-django from dropping it at the end of the run.
    """
    from django.db import connections

    database = connections.settings["default"]
    previous = database["CONN_MAX_AGE"]
    database["CONN_MAX_AGE"] = 0
    try:
        yield
    finally:
        database["CONN_MAX_AGE"] = previous


def _build_demo_site():
    build_demo_site()
    staff_user("Moderators", username=STAFF_USERNAME, password=STAFF_PASSWORD, first_name="Mo", last_name="Derator")


@pytest.fixture(scope="package")
def chromium(live_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class RequestGuard:
    """Every request the page makes; any to a host other than the site is aborted and kept."""

    allowed_netloc: str
    foreign: list = field(default_factory=list)

    def __call__(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.allowed_netloc:
            self.foreign.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()


@pytest.fixture(autouse=True)
def _close_database_connections():
    """Close the connections a test opened, so none keeps the test database from being dropped.

    Django keeps connections per context, and with Playwright's greenlets a test does not
    share its context with the package fixtures, so each closes its own.
    """
    yield
    from django.db import connections

    connections.close_all()


@pytest.fixture
def request_guard(live_site):
    return RequestGuard(allowed_netloc=live_site.netloc)


class Tabs:
    """Opens tabs, each in a fresh browser profile, and closes them all when the test ends."""

    def __init__(self, chromium, live_site, request_guard):
        self.chromium, self.live_site, self.request_guard = chromium, live_site, request_guard
        self.contexts, self.errors = [], []

    def __call__(self, **options):
        context = self.chromium.new_context(
            **{
                "base_url": self.live_site.url,
                "viewport": {"width": WIDTHS[-1], "height": 900},
                "locale": "en-GB",
                "timezone_id": "Asia/Shanghai",
                "reduced_motion": "reduce",
                **options,
            }
        )
        self.contexts.append(context)
        context.set_default_timeout(10_000)
        context.route("**/*", self.request_guard)
        page = context.new_page()
        errors = self.errors
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: _is_reportable(message) and errors.append(f"{page.url}: {message.text}"))
        page.on(
            "response",
            lambda response: _is_failure(response) and errors.append(f"{response.url}: HTTP {response.status}"),
        )
        return page

    def close_all(self):
        while self.contexts:
            self.contexts.pop().close()
        self.live_site.wait_until_idle()


@pytest.fixture
def new_tab(chromium, live_site, request_guard):
    """Opens a tab in a fresh browser profile on the demo site (relative URLs work).

    Options go to Playwright's new_context (locale="zh-CN" sends that Accept-Language).
    Every request to another host is refused, and fails the test; so do a JavaScript
    error and any console error: a resource that did not load, or something the
    Content-Security-Policy refused (inline script or style).
    """
    tabs = Tabs(chromium, live_site, request_guard)
    yield tabs
    tabs.close_all()
    assert not request_guard.foreign, f"Requests to hosts other than the site: {request_guard.foreign}"
    assert not tabs.errors, "Errors in the browser:\n" + "\n".join(tabs.errors)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    """A test's tabs close, and the server finishes what they asked for, before any fixture tidies up.

    Fixtures that delete what a test made are torn down before ``new_tab`` when the test asks
    for them after it; a tab still pinging the page being deleted would then hold its table.
    """
    tabs = getattr(item, "funcargs", {}).get("new_tab")
    if isinstance(tabs, Tabs):
        tabs.close_all()


@pytest.fixture
def tab(new_tab):
    """A tab in a fresh English-speaking browser profile, 1440 px wide, on the demo site."""
    return new_tab()


def _is_reportable(message):
    # A failed load is reported once, with its address, by _is_failure.
    return message.type == "error" and not message.text.startswith("Failed to load resource")


def _is_failure(response):
    # The document a test opens is the test's own business (it may expect a 404 or a 400).
    return response.status >= 400 and response.request.resource_type != "document"


@pytest.fixture
def axe():
    require(AXE_SCRIPT.exists(), f"{AXE_SCRIPT} is missing: run `npm ci` in the project folder")
    return run_axe


def run_axe(page):
    """WCAG 2.1 A and AA violations axe-core finds on the page, as readable lines."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the site's Content-Security-Policy
        # rightly refuses an injected <script> tag, and stays in force for the site's own code.
        page.evaluate(AXE_SCRIPT.read_text())
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(results => results.violations)",
        WCAG_TAGS,
    )
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = re.sub(r"\s+", " ", node.get("failureSummary") or "")
            lines.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    return lines


def page_type_name(model):
    return f"{model._meta.app_label}-{model._meta.model_name}"


def live_page_per_type():
    """One live page of every page type the site has, as {"app-model": page}, shallowest first.

    Page types come from Wagtail, so sections' pages are covered as their demo content lands.
    """
    from wagtail.models import Page, get_page_models

    pages = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("depth", "path").first()
        if page is not None:
            pages[page_type_name(model)] = page
    return pages


def save_screenshot(page, name):
    """A full-page PNG under SCREENSHOTS, reduced to a palette so it stays small.

    Encoding runs in a worker thread while the browser goes on; a test that saves
    screenshots calls `screenshots_written()` before it ends.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = page.screenshot(full_page=True, animations="disabled", caret="hide")
    _pending_screenshots.append(_encoder.submit(_write_png, png, SCREENSHOTS / f"{name}.png"))


def screenshots_written():
    while _pending_screenshots:
        _pending_screenshots.pop().result()


def _write_png(png, path):
    from PIL import Image

    image = Image.open(BytesIO(png)).convert("RGB")
    image.quantize(colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path)


_encoder = ThreadPoolExecutor(max_workers=2, thread_name_prefix="screenshot")
_pending_screenshots = []
