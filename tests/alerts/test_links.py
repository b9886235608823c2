"""The pressroom and the CNS news and events lists link to the subscribe page, choosing their list."""

import pytest

from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/en/press/", "/en/alerts/?list=releases"),
        ("/en/cns/news/", "/en/alerts/?list=news"),
        ("/en/cns/events/", "/en/alerts/?list=events"),
        ("/zh-hans/press/", "/zh-hans/alerts/?list=releases"),
    ],
)
def test_sections_link_to_their_alerts(client, pressroom, cns, path, link):
    page = soup(client.get(path))

    assert page.main.find("a", href=link)
