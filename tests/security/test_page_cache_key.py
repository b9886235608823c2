"""The shared page cache keys a page by the query parameters it reads, so that a query string
nobody reads (a fuzzer's, a tracker's) never adds an entry: 1,746 entries of 13 KB came from
one fuzzing run when every distinct query string had one."""

import pytest

from django.core.cache import caches

from agencies.factories import AgencyIndexPageFactory
from portal.factories import StandardPageFactory
from portal.pagecache import GENERATION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def directory(home):
    """A page that reads a query parameter: the agency directory's search (`q`). (Site search
    results are never cached: each search is counted in the search log.)"""
    return AgencyIndexPageFactory(parent=home, slug="agencies")


def page_entries():
    """The cached pages in the (local memory) cache of the tests."""
    return [key for key in caches["default"]._cache if "pagecache:" in key and GENERATION_KEY not in key]


def test_query_strings_no_page_reads_add_no_entries(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About the Office")
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"

    for number in range(50):
        response = client.get(f"/en/about/?x{number}={number}&utm_source=fuzz")
        assert response.status_code == 200
        assert "About the Office" in response.content.decode()

    assert len(page_entries()) == 1
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"


def test_the_parameters_a_page_reads_still_have_their_own_entries(client, directory):
    tea = client.get("/en/agencies/?q=zephyrine-tea")
    coffee = client.get("/en/agencies/?q=zephyrine-coffee")

    assert tea["X-Page-Cache"] == coffee["X-Page-Cache"] == "miss"
    assert client.get("/en/agencies/?q=zephyrine-tea")["X-Page-Cache"] == "hit"
    again = client.get("/en/agencies/?q=zephyrine-coffee")
    assert again["X-Page-Cache"] == "hit"
    assert "zephyrine-coffee" in again.content.decode() and "zephyrine-tea" not in again.content.decode()
    assert len(page_entries()) == 2


def test_a_parameter_the_page_does_not_read_beside_one_it_reads_adds_no_entry(client, directory):
    client.get("/en/agencies/?q=zephyrine-tea")

    response = client.get("/en/agencies/?q=zephyrine-tea&utm_campaign=spring")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert len(page_entries()) == 1


def test_the_order_of_the_parameters_makes_no_other_entry(client, directory):
    assert client.get("/en/agencies/?q=zephyrine-tea&kind=department")["X-Page-Cache"] == "miss"

    assert client.get("/en/agencies/?kind=department&q=zephyrine-tea")["X-Page-Cache"] == "hit"
    assert len(page_entries()) == 1
