"""The home page's "Latest from the Office" lists each story once: a press release and the CNS
article that retells it (linking to it, or under the same title) are one story (portal.stories)."""

import pytest

from cns.factories import ArticlePageFactory, CNSHomePageFactory
from pressroom.factories import PressReleasePageFactory, PressroomPageFactory
from tests.kit import soup

pytestmark = pytest.mark.django_db


def latest_titles(client, prefix="en"):
    return [link.get_text(strip=True) for link in soup(client.get(f"/{prefix}/")).select("#latest-heading + ul a")]


@pytest.fixture
def sections(home):
    return PressroomPageFactory(parent=home), CNSHomePageFactory(parent=home)


def test_an_article_that_links_to_a_release_is_listed_once_as_the_release(client, sections):
    pressroom, cns = sections
    release = PressReleasePageFactory(parent=pressroom, title_en="Alliance launched", title_zh_hans="联盟成立")
    ArticlePageFactory(
        parent=cns,
        title_en="Nine townships form an alliance",
        title_zh_hans="九个街镇组成联盟",
        body_en=[{"type": "call_to_action", "value": {"label": "The release", "page": release.pk, "url": ""}}],
    )
    ArticlePageFactory(parent=cns, title_en="Another story", title_zh_hans="另一则新闻")

    assert latest_titles(client) == ["Alliance launched", "Another story"]
    assert latest_titles(client, "zh-hans") == ["联盟成立", "另一则新闻"]


def test_a_link_in_the_text_makes_the_same_story_too(client, sections):
    pressroom, cns = sections
    release = PressReleasePageFactory(parent=pressroom, title_en="Agreement signed")
    ArticlePageFactory(
        parent=cns,
        title_en="Two platforms agree",
        body_en=[{"type": "paragraph", "value": f'<p>See <a linktype="page" id="{release.pk}">the release</a>.</p>'}],
    )

    assert latest_titles(client) == ["Agreement signed"]


def test_pages_with_the_same_title_are_one_story(client, sections):
    pressroom, cns = sections
    PressReleasePageFactory(parent=pressroom, title_en="CNS opens in Huacao")
    ArticlePageFactory(parent=cns, title_en="CNS  opens in huacao")

    assert latest_titles(client) == ["CNS opens in Huacao"]


def test_unrelated_stories_of_the_same_day_are_all_listed(client, sections):
    pressroom, cns = sections
    PressReleasePageFactory(parent=pressroom, title_en="A release")
    ArticlePageFactory(parent=cns, title_en="An article")

    assert sorted(latest_titles(client)) == ["A release", "An article"]
