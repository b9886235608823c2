"""Upcoming and past event lists, and the iCalendar feed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.utils import timezone

from cns import views as cns_views
from cns.factories import ArticlePageFactory, EventPageFactory, TownshipFactory
from cns.models import CNSHomePage
from portal.calendar import DAYS_BEHIND as FEED_DAYS_BEHIND
from tests.kit import soup

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def events(cns):
    now = timezone.now()
    township = TownshipFactory(name_en="Huacao Town", name_zh_hans="华漕镇")
    return {
        "soon": EventPageFactory(
            parent=cns,
            title_en="Tea ceremony",
            title_zh_hans="茶艺体验",
            start=now + datetime.timedelta(days=2),
            township=township,
        ),
        "later": EventPageFactory(parent=cns, title_en="Cooking class", start=now + datetime.timedelta(days=9)),
        "running": EventPageFactory(
            parent=cns,
            title_en="Running now",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=1),
        ),
        "past": EventPageFactory(parent=cns, title_en="Roundtable", start=now - datetime.timedelta(days=20)),
        "old": EventPageFactory(parent=cns, title_en="Opening", start=now - datetime.timedelta(days=400)),
    }


def listed(response):
    return [a.get_text() for a in soup(response).main.select(".cns-event__title a")]


def test_upcoming_lists_events_not_yet_over_soonest_first(client, events):
    assert listed(client.get("/en/cns/events/")) == ["Running now", "Tea ceremony", "Cooking class"]


def test_past_lists_finished_events_newest_first(client, events):
    assert listed(client.get("/en/cns/events/past/")) == ["Roundtable", "Opening"]


def test_event_lists_in_chinese(client, events):
    main = soup(client.get("/zh-hans/cns/events/")).main

    assert main.h1.get_text(strip=True) == "近期活动"
    assert "茶艺体验" in main.get_text()
    assert "华漕镇" in main.get_text()


def test_feed_parses_as_icalendar_with_shanghai_times(client, events):
    response = client.get("/en/cns/events/ical/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    by_title = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(by_title) == {"Tea ceremony", "Cooking class", "Running now", "Roundtable"}  # not the one from last year
    tea = by_title["Tea ceremony"]
    start = tea.decoded("dtstart")
    assert start.utcoffset() == datetime.timedelta(hours=8)
    assert start == events["soon"].start.astimezone(SHANGHAI).replace(microsecond=0)
    assert str(tea["url"]).endswith(events["soon"].url)
    assert "Huacao Town" in str(tea["location"])
    assert len({str(event["uid"]) for event in by_title.values()}) == 4


def test_feed_in_chinese_carries_chinese_titles(client, events):
    calendar = Calendar.from_ical(client.get("/zh-hans/cns/events/ical/").content)

    assert "茶艺体验" in [str(event["summary"]) for event in calendar.walk("VEVENT")]


def test_all_day_event_is_a_date_in_the_feed(client, cns):
    start = timezone.make_aware(datetime.datetime(2030, 12, 2))
    EventPageFactory(
        parent=cns, title_en="Open day", all_day=True, start=start, end=start + datetime.timedelta(hours=23)
    )

    (event,) = Calendar.from_ical(client.get("/en/cns/events/ical/").content).walk("VEVENT")

    assert event.decoded("dtstart") == datetime.date(2030, 12, 2)
    assert event.decoded("dtend") == datetime.date(2030, 12, 3)


def test_event_lists_queries_do_not_grow_with_events(client, cns, django_assert_max_num_queries):
    start = timezone.now() + datetime.timedelta(days=1)
    for _ in range(2):
        EventPageFactory(parent=cns, start=start, township=TownshipFactory())
    with django_assert_max_num_queries(20) as few:
        client.get("/en/cns/events/")
    for _ in range(10):
        EventPageFactory(parent=cns, start=start, township=TownshipFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/events/").status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/").status_code == 200


def test_upcoming_events_are_paged_soonest_first(client, cns, monkeypatch):
    monkeypatch.setattr(CNSHomePage, "events_per_page", 2)
    now = timezone.now()
    for day in (3, 1, 2):
        EventPageFactory(parent=cns, title_en=f"In {day} days", start=now + datetime.timedelta(days=day))

    first = client.get("/en/cns/events/")
    second = client.get("/en/cns/events/?page=2")

    assert listed(first) == ["In 1 days", "In 2 days"]
    assert listed(second) == ["In 3 days"]
    nav = soup(second).main.select_one("nav.pagination")
    assert nav.find("a", rel="prev").get_text() == "Previous"
    assert nav.find("a", rel="prev")["href"] == "?page=1"
    assert soup(first).main.select_one("nav.pagination a[rel=next]").get_text() == "Next"


def test_past_events_are_paged_newest_first(client, cns, monkeypatch):
    monkeypatch.setattr(CNSHomePage, "events_per_page", 2)
    now = timezone.now()
    for day in (3, 1, 2):
        EventPageFactory(parent=cns, title_en=f"{day} days ago", start=now - datetime.timedelta(days=day))

    first = client.get("/en/cns/events/past/")

    assert listed(first) == ["1 days ago", "2 days ago"]
    assert listed(client.get("/en/cns/events/past/?page=2")) == ["3 days ago"]
    assert soup(first).main.select_one("nav.pagination a[rel=next]").get_text() == "Older"


def feed_titles(client):
    calendar = Calendar.from_ical(client.get("/en/cns/events/ical/").content)
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


def test_feed_omits_events_that_ended_more_than_its_window_ago(client, cns):
    now = timezone.now()
    behind = datetime.timedelta(days=FEED_DAYS_BEHIND)
    EventPageFactory(parent=cns, title_en="Just inside", start=now - behind + datetime.timedelta(hours=1))
    EventPageFactory(parent=cns, title_en="Just outside", start=now - behind - datetime.timedelta(hours=3))
    EventPageFactory(parent=cns, title_en="Next year", start=now + datetime.timedelta(days=300))

    assert sorted(feed_titles(client)) == ["Just inside", "Next year"]


def test_feed_holds_at_most_its_size_soonest_first_before_past_ones(client, cns, monkeypatch):
    monkeypatch.setattr(cns_views, "FEED_SIZE", 3)
    now = timezone.now()
    EventPageFactory(parent=cns, title_en="Yesterday", start=now - datetime.timedelta(days=1))
    EventPageFactory(parent=cns, title_en="Last week", start=now - datetime.timedelta(days=7))
    for day in (4, 1, 3, 2):
        EventPageFactory(parent=cns, title_en=f"In {day} days", start=now + datetime.timedelta(days=day))

    assert sorted(feed_titles(client)) == ["In 1 days", "In 2 days", "In 3 days"]

    monkeypatch.setattr(cns_views, "FEED_SIZE", 6)  # room left: the latest past ones fill it
    assert sorted(feed_titles(client)) == ["In 1 days", "In 2 days", "In 3 days", "In 4 days", "Last week", "Yesterday"]
    monkeypatch.setattr(cns_views, "FEED_SIZE", 5)
    assert "Last week" not in feed_titles(client) and "Yesterday" in feed_titles(client)


def test_feed_queries_do_not_grow_with_events(client, cns, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(cns_views, "FEED_SIZE", 4)
    now = timezone.now()
    for day in range(1, 4):
        EventPageFactory(parent=cns, start=now + datetime.timedelta(days=day), township=TownshipFactory())
        EventPageFactory(parent=cns, start=now - datetime.timedelta(days=day), township=TownshipFactory())
    client.get("/en/cns/events/ical/")  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(15) as few:
        client.get("/en/cns/events/ical/")
    for day in range(4, 14):
        EventPageFactory(parent=cns, start=now + datetime.timedelta(days=day), township=TownshipFactory())
        EventPageFactory(parent=cns, start=now - datetime.timedelta(days=day), township=TownshipFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(feed_titles(client)) == 4


def test_listings_queries_do_not_grow_past_a_page(client, cns, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(CNSHomePage, "events_per_page", 2)
    monkeypatch.setattr(CNSHomePage, "news_per_page", 2)
    now = timezone.now()
    urls = ["/en/cns/events/?page=2", "/en/cns/events/past/?page=2", "/en/cns/news/?page=2", "/en/cns/"]

    def add(count):
        for _ in range(count):
            EventPageFactory(parent=cns, start=now + datetime.timedelta(days=1), township=TownshipFactory())
            EventPageFactory(parent=cns, start=now - datetime.timedelta(days=1), township=TownshipFactory())
            ArticlePageFactory(parent=cns)

    add(3)
    counts = {}
    for url in urls:
        client.get(url)  # warm Wagtail's per-process caches
        with django_assert_max_num_queries(20) as few:
            client.get(url)
        counts[url] = len(few.captured_queries)
    add(10)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_machine_readable_times_are_to_the_second_in_beijing_time(client, cns):
    start = timezone.now().replace(microsecond=123456) + datetime.timedelta(days=2)
    event = EventPageFactory(parent=cns, slug="precise", start=start, end=start + datetime.timedelta(hours=2))

    for url in ("/en/cns/events/", event.url):
        times = [time["datetime"] for time in soup(client.get(url)).main.select("time[datetime*='T']")]
        assert times, url
        assert all("." not in value and value.endswith("+08:00") for value in times), times
