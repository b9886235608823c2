import pytest

from portal.factories import StandardPageFactory
from tests.kit import soup


def paragraphs(*texts):
    """A StandardPage body holding one paragraph block per text."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


@pytest.fixture
def make_page(home):
    """A published StandardPage under the home page, in both languages unless told otherwise."""

    def make(slug, title_en="", title_zh="", body_en=(), body_zh=(), parent=None, **fields):
        return StandardPageFactory(
            parent=parent or home,
            slug=slug,
            title_en=title_en or slug,
            title_zh_hans=title_zh,
            intro_en="",
            intro_zh_hans="",
            body_en=paragraphs(*body_en),
            body_zh_hans=paragraphs(*body_zh),
            **fields,
        )

    return make


@pytest.fixture
def search(client):
    """GET the results page and return it parsed; `status` is checked."""

    def get(query, language="en", status=200, **params):
        response = client.get(f"/{language}/search/", {"q": query, **params})
        return soup(response, status=status)

    return get


def result_titles(page):
    return [" ".join(a.get_text().split()) for a in page.select("ol.search-results .search-result__title a")]


def result_links(page):
    return [a["href"] for a in page.select("ol.search-results .search-result__title a")]
