"""An example page (portal.examples) never passes as official: not to a search engine reading its
structured data, not to a visitor finding it through the site search."""

import pytest

from cns.factories import CNSHomePageFactory, GuideIndexPageFactory, GuidePageFactory
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=CNSHomePageFactory(parent=home))


def structured_data(client, url):
    return soup(client.get(url)).select('script[type="application/ld+json"]')


def test_an_example_guide_tells_search_engines_nothing_that_a_real_guide_tells(client, guides):
    GuidePageFactory(parent=guides, slug="real", title_en="Register where you stay")
    GuidePageFactory(parent=guides, slug="invented", title_en="Pay with your phone", is_example=True)

    assert structured_data(client, "/en/cns/guides/real/")
    assert structured_data(client, "/en/cns/guides/invented/") == []
    assert structured_data(client, "/zh-hans/cns/guides/invented/") == []


@pytest.mark.parametrize(("language", "query", "label"), [("en", "phone", "Example"), ("zh-hans", "手机", "示例")])
def test_a_search_result_that_is_an_example_carries_the_label(client, guides, language, query, label):
    GuidePageFactory(
        parent=guides, slug="invented", title_en="Pay with your phone", title_zh_hans="用手机付款", is_example=True
    )
    GuidePageFactory(parent=guides, slug="real", title_en="Phone numbers", title_zh_hans="手机号码")

    page = soup(client.get(f"/{language}/search/", {"q": query}))

    labels = {
        item.select_one(".search-result__title a")["href"]: item.select_one(".example-label")
        for item in page.select("ol.search-results .search-result")
    }
    assert set(labels) == {f"/{language}/cns/guides/invented/", f"/{language}/cns/guides/real/"}
    assert labels[f"/{language}/cns/guides/invented/"].get_text(strip=True) == label
    assert labels[f"/{language}/cns/guides/real/"] is None


def test_a_page_published_as_no_longer_an_example_loses_the_label_in_search(client, guides):
    guide = GuidePageFactory(parent=guides, slug="invented", title_en="Pay with your phone", is_example=True)

    guide.is_example = False
    guide.save_revision().publish()

    page = soup(client.get("/en/search/", {"q": "phone"}))
    assert page.select("ol.search-results .search-result")
    assert page.select("ol.search-results .example-label") == []
