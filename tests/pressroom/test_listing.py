"""The pressroom's list of releases: newest first, ten a page, its archive by year and month,
its filters by agency and by topic, and the releases the home page shows."""

from datetime import datetime, timedelta

import pytest

from django.utils import timezone, translation

from portal.factories import StandardPageFactory
from portal.withdrawal import set_hidden_languages
from pressroom.factories import (
    JournalistFAQPageFactory,
    PressConferencePageFactory,
    PressReleasePageFactory,
    PressTopicFactory,
)
from pressroom.models import PressReleaseAgency
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "title", "release", "heading"),
    [("en", "Pressroom", "Alliance launched", "Press releases"), ("zh-hans", "新闻中心", "联盟成立", "新闻发布")],
)
def test_pressroom_lists_releases_and_upcoming_conferences_first_in_each_language(
    client, pressroom, prefix, title, release, heading
):
    PressReleasePageFactory(parent=pressroom, title_en="Alliance launched", title_zh_hans="联盟成立")
    PressConferencePageFactory(parent=pressroom, title_en="Upcoming briefing", title_zh_hans="即将举行的发布会")

    main = soup(client.get(f"/{prefix}/press/")).main

    assert main.h1.get_text(strip=True) == title
    text = main.get_text()
    assert release in text
    conference_title = "Upcoming briefing" if prefix == "en" else "即将举行的发布会"
    assert text.index(conference_title) < text.index(release)


def test_pressroom_shows_the_five_soonest_upcoming_and_the_five_latest_past_conferences(client, pressroom):
    now = timezone.now()
    for day in range(1, 8):
        PressConferencePageFactory(parent=pressroom, title_en=f"Coming in {day} days", start=now + timedelta(days=day))
        PressConferencePageFactory(parent=pressroom, title_en=f"Held {day} days ago", start=now - timedelta(days=day))

    lists = soup(client.get("/en/press/")).main.select("section[aria-labelledby=conferences-heading] ul.item-list")

    upcoming, past = ([a.get_text() for a in items.select("a")] for items in lists)
    assert upcoming == [f"Coming in {day} days" for day in range(1, 6)]
    assert past == [f"Held {day} days ago" for day in range(1, 6)]


def test_newest_release_comes_first_and_pages_hold_ten(client, pressroom):
    for day in range(1, 13):
        PressReleasePageFactory(parent=pressroom, title_en=f"Release of May {day}", date=datetime(2024, 5, day).date())

    first = soup(client.get("/en/press/")).main
    second = soup(client.get("/en/press/?page=2")).main

    first_titles = [a.get_text() for a in first.select("a.pr-title")]
    assert first_titles[0] == "Release of May 12"
    assert len(first_titles) == 10
    assert [a.get_text() for a in second.select("a.pr-title")] == ["Release of May 2", "Release of May 1"]
    assert second.find("a", rel="prev")


def test_archive_by_year_and_month_shows_only_that_period(client, pressroom):
    PressReleasePageFactory(parent=pressroom, title_en="April release", date=datetime(2024, 4, 30).date())
    PressReleasePageFactory(parent=pressroom, title_en="June release", date=datetime(2023, 6, 21).date())

    year = soup(client.get("/en/press/archive/2023/")).main
    month = soup(client.get("/en/press/archive/2024/4/")).main

    assert "June release" in year.get_text() and "April release" not in year.get_text()
    assert "April release" in month.get_text() and "June release" not in month.get_text()
    assert client.get("/en/press/archive/2024/13/").status_code == 404


def test_filters_by_agency_and_by_topic(client, home, pressroom):
    agency = StandardPageFactory(parent=home, title_en="Foreign Affairs Office")
    topic = PressTopicFactory(slug="community", name_en="Community")
    linked = PressReleasePageFactory(parent=pressroom, title_en="Linked release")
    PressReleaseAgency.objects.create(page=linked, agency=agency)
    linked.topics.add(topic)
    linked.save_revision().publish()
    PressReleasePageFactory(parent=pressroom, title_en="Other release")

    by_agency = soup(client.get(f"/en/press/?agency={agency.pk}")).main
    by_topic = soup(client.get("/en/press/?topic=community")).main
    nonsense = client.get("/en/press/?agency=abc&topic=%00")

    assert "Linked release" in by_agency.get_text() and "Other release" not in by_agency.get_text()
    assert "Linked release" in by_topic.get_text() and "Other release" not in by_topic.get_text()
    assert by_agency.find("option", value=str(agency.pk)).has_attr("selected")
    assert nonsense.status_code == 200


@pytest.mark.parametrize(
    "query",
    ["agency=99999999999999999999", "agency=²", "agency=-1", "agency=1.5", "topic=%00", "topic=a%20b", "topic=²"],
)
@pytest.mark.parametrize("path", ["/en/press/", "/zh-hans/press/archive/2024/", "/en/press/archive/2024/4/"])
def test_a_filter_that_cannot_match_anything_lists_every_release(client, pressroom, path, query):
    PressReleasePageFactory(
        parent=pressroom, title_en="April release", title_zh_hans="四月新闻稿", date=datetime(2024, 4, 30).date()
    )

    response = client.get(f"{path}?{query}")

    assert response.status_code == 200
    assert ("四月新闻稿" if "zh-hans" in path else "April release") in soup(response).main.get_text()


def test_pressroom_query_count_does_not_grow_with_content(client, pressroom, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            PressReleasePageFactory(parent=pressroom)
            PressConferencePageFactory(parent=pressroom)

    add(2)
    client.get("/en/press/")  # warm caches (site root, locale)
    with django_assert_max_num_queries(40) as small:
        client.get("/en/press/")
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        client.get("/en/press/")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_release_linked_twice_to_an_agency_is_listed_once(client, home, pressroom):
    agency = StandardPageFactory(parent=home, title_en="Foreign Affairs Office")
    release = PressReleasePageFactory(parent=pressroom, title_en="Twice linked")
    PressReleaseAgency.objects.create(page=release, agency=agency)
    PressReleaseAgency.objects.create(page=release, agency=agency)

    main = soup(client.get(f"/en/press/?agency={agency.pk}")).main

    assert [a.get_text() for a in main.select("a.pr-title")] == ["Twice linked"]
    assert "1 press release" in main.select_one(".pr-count").get_text()


def test_a_topic_filter_survives_paging(client, pressroom):
    topic = PressTopicFactory(slug="community", name_en="Community")
    for day in range(1, 13):
        release = PressReleasePageFactory(
            parent=pressroom, title_en=f"Community news {day}", date=datetime(2024, 5, day).date()
        )
        release.topics.add(topic)
        release.save_revision().publish()
    PressReleasePageFactory(parent=pressroom, title_en="Other news", date=datetime(2024, 5, 1).date())

    first = soup(client.get("/en/press/?topic=community")).main
    next_link = first.select_one("nav.pagination a[rel=next]")["href"]
    second = soup(client.get("/en/press/" + next_link)).main

    assert "topic=community" in next_link and "page=2" in next_link
    assert [a.get_text() for a in second.select("a.pr-title")] == ["Community news 2", "Community news 1"]
    assert "12 press releases" in second.select_one(".pr-count").get_text()


def test_releases_are_listed_on_the_home_page(client, home, pressroom):
    PressReleasePageFactory(parent=pressroom, title_en="Home-worthy release")

    assert "Home-worthy release" in soup(client.get("/en/")).main.get_text()


@pytest.mark.parametrize(
    ("prefix", "agencies", "topics"),
    [
        ("en", ["Commerce Commission", "Foreign Affairs Office", "Tourism Bureau"], ["Business", "Community"]),
        # Without Chinese, a name is shown in English; an agency withdrawn in Chinese is not offered there.
        ("zh-hans", ["Commerce Commission", "外事办公室"], ["商务", "Community"]),
    ],
)
def test_the_archive_and_filters_offer_what_the_releases_name_in_one_query(
    pressroom, home, prefix, agencies, topics, django_assert_num_queries
):
    foreign = StandardPageFactory(parent=home, title_en="Foreign Affairs Office", title_zh_hans="外事办公室")
    commerce = StandardPageFactory(parent=home, title_en="Commerce Commission", title_zh_hans="")
    tourism = StandardPageFactory(parent=home, title_en="Tourism Bureau", title_zh_hans="旅游局")
    set_hidden_languages(tourism, {"zh-hans"})
    business = PressTopicFactory(slug="business", name_en="Business", name_zh_hans="商务")
    community = PressTopicFactory(slug="community", name_en="Community", name_zh_hans="")
    for day, agency, topic in [(3, foreign, business), (9, commerce, community), (20, tourism, community)]:
        release = PressReleasePageFactory(parent=pressroom, date=datetime(2024, 4 if day < 10 else 6, day).date())
        PressReleaseAgency.objects.create(page=release, agency=agency)
        release.topics.add(topic)
        release.save_revision().publish()

    with translation.override(prefix), django_assert_num_queries(1):
        releases = pressroom.releases()
        months = [(entry["month"].month, entry["count"]) for entry in releases.months()]
        offered_agencies = [agency.title for agency in releases.agencies()]
        offered_topics = [topic.name for topic in releases.topics()]

    assert months == [(6, 1), (4, 2)]
    assert offered_agencies == agencies
    assert offered_topics == topics  # by slug


def test_the_offers_follow_the_releases_each_time_they_are_read(pressroom, home):
    def offered():
        releases = pressroom.releases()
        return [e["month"].month for e in releases.months()], [t.name for t in releases.topics()]

    first = PressReleasePageFactory(parent=pressroom, date=datetime(2024, 4, 3).date())
    first.topics.add(PressTopicFactory(slug="business", name_en="Business"))
    first.save_revision().publish()
    with translation.override("en"):
        assert offered() == ([4], ["Business"])

    later = PressReleasePageFactory(parent=pressroom, date=datetime(2024, 6, 9).date())
    later.topics.add(PressTopicFactory(slug="community", name_en="Community"))
    later.save_revision().publish()
    with translation.override("en"):
        assert offered() == ([6, 4], ["Business", "Community"])
        # Releases narrowed from the pressroom's offer what they name, not what all of them do.
        assert [topic.name for topic in pressroom.releases().about("community").topics()] == ["Community"]


def test_the_questions_page_is_linked_while_it_is_live_and_shown_in_the_language(client, pressroom):
    faq = JournalistFAQPageFactory(parent=pressroom)

    assert soup(client.get("/en/press/")).main.find("a", string="Q&A for resident journalists")
    set_hidden_languages(faq, {"en"})
    assert not soup(client.get("/en/press/")).main.find("a", string="Q&A for resident journalists")
    assert soup(client.get("/zh-hans/press/")).main.find("a", string="常驻记者问答")
    faq.unpublish()
    assert not soup(client.get("/zh-hans/press/")).main.find("a", string="常驻记者问答")
