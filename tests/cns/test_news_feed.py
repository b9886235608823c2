"""The CNS news feed: Atom, one per language, newest first, every address at the configured site."""

import datetime

import feedparser
import pytest

from cns.factories import ArticlePageFactory
from portal import feeds
from portal.siteaddress import point_default_site
from tests.kit import soup

SITE = "https://portal.example.gov.cn"


@pytest.fixture
def configured_site(settings, home):
    settings.SITE_URL = SITE
    return point_default_site(home)


def read(client, language):
    response = client.get(f"/{language}/cns/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize(
    ("language", "titles", "summary"),
    [
        ("en", ["Centre opens", "Alliance launched"], "Nine townships join."),
        ("zh-hans", ["中心开放", "联盟成立"], "九个街镇加入。"),
    ],
)
def test_the_feed_lists_the_newest_articles_in_the_feeds_language(
    client, cns, configured_site, language, titles, summary
):
    ArticlePageFactory(
        parent=cns,
        slug="alliance",
        title_en="Alliance launched",
        title_zh_hans="联盟成立",
        intro_en="Nine townships join.",
        intro_zh_hans="九个街镇加入。",
        date=datetime.date(2024, 4, 30),
    )
    ArticlePageFactory(
        parent=cns, slug="centre", title_en="Centre opens", title_zh_hans="中心开放", date=datetime.date(2024, 5, 6)
    )

    feed = read(client, language)

    assert feed.feed.language == language
    assert [entry.title for entry in feed.entries] == titles
    assert feed.entries[1].summary == summary
    assert [entry.link for entry in feed.entries] == [
        f"{SITE}/{language}/cns/centre/",
        f"{SITE}/{language}/cns/alliance/",
    ]
    assert feed.entries[1].published == "2024-04-30T00:00:00+08:00"
    assert feed.feed.link == f"{SITE}/{language}/cns/news/"


def test_a_chinese_article_without_chinese_text_is_listed_in_english(client, cns, configured_site):
    ArticlePageFactory(parent=cns, slug="only-english", title_en="Only in English", title_zh_hans="")

    assert [entry.title for entry in read(client, "zh-hans").entries] == ["Only in English"]


def test_unpublished_articles_stay_out_of_the_feed(client, cns, configured_site):
    ArticlePageFactory(parent=cns, slug="out", title_en="Published")
    ArticlePageFactory(parent=cns, slug="draft", title_en="Draft").unpublish()

    assert [entry.title for entry in read(client, "en").entries] == ["Published"]


def test_the_feed_holds_the_newest_when_full(client, cns, configured_site, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 2)
    for day in (1, 3, 2):
        ArticlePageFactory(parent=cns, slug=f"day-{day}", title_en=f"Day {day}", date=datetime.date(2024, 5, day))

    assert [entry.title for entry in read(client, "en").entries] == ["Day 3", "Day 2"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_news_list_points_feed_readers_to_the_feed_of_its_language(client, cns, configured_site, language):
    link = soup(client.get(f"/{language}/cns/news/")).head.find("link", type="application/atom+xml")

    assert link["rel"] == ["alternate"]
    assert link["href"] == f"/{language}/cns/news/feed/"
    assert client.get(link["href"]).status_code == 200


def test_feed_queries_do_not_grow_with_articles(client, cns, configured_site, django_assert_max_num_queries):
    for number in range(3):
        ArticlePageFactory(parent=cns, slug=f"first-{number}")
    client.get("/en/cns/news/feed/")  # warm Wagtail's per-process caches (site root paths)
    with django_assert_max_num_queries(15) as few:
        client.get("/en/cns/news/feed/")
    for number in range(20):
        ArticlePageFactory(parent=cns, slug=f"more-{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(read(client, "en").entries) == 23
