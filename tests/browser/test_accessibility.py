"""axe-core on every kind of screen the site has, in every language, on a phone and a desktop.

The screens are found, not listed: one live page of every Wagtail page type, every route of a
routable page (a section's listings and forms), a route with parameters through the first link
to it, the search results and the "not found" page. The same visits write the screenshots in
docs/screenshots/ (<screen>-<language>-<width>.png).
"""

import pytest

from django.urls import Resolver404
from django.utils import translation

from wagtail.models import get_page_models

from .conftest import (
    LANGUAGE_CODES,
    WIDTHS,
    live_page_per_type,
    page_type_name,
    save_screenshot,
    screenshots_written,
)

pytestmark = pytest.mark.browser

# Screens that are no page of the tree: (name, path without the language prefix, expected status).
OTHER_SCREENS = [
    ("search-results", "/search/?q=Shanghai", 200),
    ("not-found", "/this-page-does-not-exist/", 404),
]


# Whether a route answers with HTML (not a feed or a calendar file), by screen name; the same
# in every language and at every width, so asked once.
_IS_HTML = {}


class Screens:
    """The screens to visit in one language, growing as links to routes with parameters turn up."""

    def __init__(self, language):
        self.language = language
        self.queue = []
        self.routables = []  # (screen name, page url, page) of routable pages
        self.pending = {}  # (page type, route) -> screen name, for routes with parameters not yet seen
        with translation.override(language):
            for type_name, page in live_page_per_type().items():
                url = page.get_url()
                _IS_HTML[type_name] = True
                self.queue.append((type_name, url, 200))
                if hasattr(page, "get_subpage_urls"):
                    self.routables.append((type_name, url, page))
                    self._add_routes(type_name, url, page)
        for name, path, status in OTHER_SCREENS:
            _IS_HTML[name] = True
            self.queue.append((name, f"/{language}{path}", status))

    def _add_routes(self, type_name, url, page):
        for route in page.get_subpage_urls():
            key = _route_key(route)
            name = f"{type_name}-{key.replace('_', '-')}"
            if str(route.pattern) == "":
                continue  # the page itself
            if route.pattern.converters:
                self.pending[(type_name, key)] = name
            else:
                self.queue.append((name, url + page.reverse_subpage(key), 200))

    def discover(self, hrefs):
        """Queue the first link to each route with parameters not visited yet."""
        for href in hrefs:
            for type_name, url, page in self.routables:
                if not self.pending or not href.startswith(url) or href == url:
                    continue
                try:
                    match = page.resolve_subpage("/" + href[len(url) :].split("?")[0].split("#")[0])
                except Resolver404:
                    continue
                key = (type_name, match.url_name or match.func.__name__)
                if key in self.pending:
                    self.queue.append((self.pending.pop(key), href, 200))

    def __iter__(self):
        while self.queue:
            yield self.queue.pop(0)


def _route_key(route):
    return route.name or route.callback.__name__


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_screen_has_no_wcag_a_or_aa_violations_on_a_phone_or_a_desktop(tab, axe, language):
    screens = Screens(language)
    visited, problems = [], []
    for name, path, expected_status in screens:
        if name not in _IS_HTML:
            _IS_HTML[name] = tab.request.get(path).headers.get("content-type", "").startswith("text/html")
        if not _IS_HTML[name]:
            continue  # a feed or a calendar file
        tab.set_viewport_size({"width": WIDTHS[0], "height": 800})
        response = tab.goto(path)
        visited.append(name)
        if response.status != expected_status:
            problems.append(f"{name} {path}: HTTP {response.status}, expected {expected_status}")
            continue
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": 800})
            problems += [f"{name} {path} at {width} px: {line}" for line in axe(tab)]
            save_screenshot(tab, f"{name}-{language}-{width}")
        screens.discover(tab.eval_on_selector_all("a[href^='/']", "links => links.map(a => a.getAttribute('href'))"))

    screenshots_written()
    assert {"portal-homepage", "portal-standardpage", "not-found"} <= set(visited)
    assert not problems, "\n".join(problems)


def test_the_demo_content_has_a_live_page_of_every_page_type(live_site):
    """Otherwise the check above would pass over a page type without a word."""
    creatable = {page_type_name(model) for model in get_page_models() if model.is_creatable}

    assert creatable - set(live_page_per_type()) == set()


def test_the_accessibility_check_reports_a_violation(tab, axe):
    tab.goto("/en/")
    tab.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')")

    assert any(line.startswith("label ") for line in axe(tab))
