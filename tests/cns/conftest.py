import pytest

from cns.factories import CNSHomePageFactory, GuideIndexPageFactory


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """The feedback rate limit lives in the cache; every test starts with none counted."""


@pytest.fixture
def cns(home):
    return CNSHomePageFactory(parent=home)


@pytest.fixture
def guide_index(cns):
    return GuideIndexPageFactory(parent=cns)
