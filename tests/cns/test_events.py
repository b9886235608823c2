"""Upcoming and past event lists, and the iCalendar feed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from django.utils import timezone

from cns.factories import EventPageFactory, TownshipFactory

from .conftest import soup

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
