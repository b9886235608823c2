"""Every page type and route of the demo site is served in at most twelve queries, in both
languages, and no more when the site has many more pages (issue 19)."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from devtools import pagefill, timing
from tests.kit import soup

BUDGET = 12
SEARCHES = {"en": "/en/search/?q=office", "zh-hans": "/zh-hans/search/?q=%E6%96%B0%E9%97%BB"}


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=StringIO())


def sample_urls():
    """{(label, language): url} of one page of every type and every route, in each language."""
    urls = {}
    for label, _pages, urls_in in timing.targets(1):
        for language in timing.LANGUAGES:
            for url in urls_in(language):
                urls[(label, language)] = url
    for language, url in SEARCHES.items():
        urls[("search", language)] = url
    return urls


def queries_per_page(client, urls=None):
    """{(label, language): queries} of `urls` (by default one page of every type and route)."""
    return {key: queries_of(client, url) for key, url in (urls or sample_urls()).items()}


def queries_of(client, url):
    """The queries of a request to `url`; for a search, those besides the one query per kind of
    result it shows (the results' specific pages are read a type at a time, and which types a
    query finds depends on the database's stemming, not on the size of the site)."""
    client.get(url)  # the first request of a process fills Wagtail's caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    if url in SEARCHES.values():
        kinds = {p.get_text(strip=True) for p in soup(response).select("ol.search-results .search-result__section")}
        assert kinds, url
        return len(captured) - len(kinds)
    return len(captured)


def test_every_page_type_and_route_is_served_within_the_budget(demo, client):
    counts = queries_per_page(client)
    assert len(counts) > 40  # every page type and route, in both languages
    over = {key: count for key, count in counts.items() if count > BUDGET}
    assert over == {}


def test_queries_per_page_do_not_grow_with_the_site(demo, client):
    # The same pages before and after: their listings, menus and counts now hold 300 more pages.
    urls = sample_urls()
    few = queries_per_page(client, urls)
    pagefill.fill(pages=300, agencies=40, townships=20, stdout=StringIO())
    assert Page.objects.live().count() > 300
    assert queries_per_page(client, urls) == few


def test_a_restricted_section_still_asks_its_visitors_to_sign_in(demo, client):
    # Routing reads view restrictions in its own query (portal.routing): they still apply below.
    press = Page.objects.get(url_path="/home/press/")
    PageViewRestriction.objects.create(page=press, restriction_type=PageViewRestriction.LOGIN)
    release = press.get_children().live().last()

    assert client.get("/en/press/").status_code == 302
    assert client.get(f"/en/press/{release.slug}/").status_code == 302
    assert client.get("/en/cns/").status_code == 200
    menu = client.get("/en/cns/").content.decode()
    assert 'href="/en/press/"' not in menu.split("<main", 1)[0]  # no menu link to a restricted section
