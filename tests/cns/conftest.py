import pytest
from bs4 import BeautifulSoup

from django.core.cache import cache

from cns.factories import CNSHomePageFactory, GuideIndexPageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """The feedback rate limit lives in the cache; every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cns(home):
    return CNSHomePageFactory(parent=home)


@pytest.fixture
def guide_index(cns):
    return GuideIndexPageFactory(parent=cns)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")
