import pytest

from portal.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """The page feedback rate limit lives in the cache; every test starts with none counted."""


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, slug="about", title_en="About the Office", title_zh_hans="关于本办")
