"""The releases' Atom feed and the conferences' iCalendar: valid, in the page's language, bounded."""

from datetime import UTC, datetime, timedelta

import feedparser
import icalendar
import pytest

from django.utils import timezone

from portal import feeds as atom_feeds
from pressroom import feeds
from pressroom.factories import PressConferencePageFactory, PressReleasePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("prefix", "title"), [("en", "Alliance launched"), ("zh-hans", "联盟成立")])
def test_release_feed_is_atom_in_the_pages_language(client, pressroom, prefix, title):
    PressReleasePageFactory(parent=pressroom, title_en="Alliance launched", title_zh_hans="联盟成立")

    response = client.get(f"/{prefix}/press/feed/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo
    assert feed.entries[0].title == title
    assert feed.feed.language == prefix
    assert feed.entries[0].link.endswith(f"/{prefix}/press/press-release-{feed.entries[0].link.rsplit('-', 1)[-1]}")


def test_conference_calendar_is_valid_icalendar_in_utc(client, pressroom):
    PressConferencePageFactory(
        parent=pressroom, title_en="Briefing", start=datetime(2030, 1, 2, 2, 0, tzinfo=UTC), duration_minutes=45
    )

    response = client.get("/en/press/calendar/")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))

    assert response["Content-Type"].startswith("text/calendar")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "Briefing"
    assert events[0].decoded("dtstart") == datetime(2030, 1, 2, 2, 0, tzinfo=UTC)
    assert events[0].decoded("dtend") == datetime(2030, 1, 2, 2, 45, tzinfo=UTC)
    assert events[0]["uid"]


def calendar_titles(client):
    calendar = icalendar.Calendar.from_ical(client.get("/en/press/calendar/").content)
    return sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))


def test_conference_calendar_holds_those_to_come_and_those_of_the_last_90_days(client, pressroom):
    now = timezone.now()
    PressConferencePageFactory(parent=pressroom, title_en="Next week", start=now + timedelta(days=7))
    PressConferencePageFactory(parent=pressroom, title_en="Next year", start=now + timedelta(days=300))
    PressConferencePageFactory(parent=pressroom, title_en="Last month", start=now - timedelta(days=30))
    PressConferencePageFactory(parent=pressroom, title_en="Half a year ago", start=now - timedelta(days=180))

    assert calendar_titles(client) == ["Last month", "Next week", "Next year"]


def test_conference_calendar_keeps_the_soonest_when_full(client, pressroom, monkeypatch):
    monkeypatch.setattr(feeds, "CALENDAR_SIZE", 2)
    now = timezone.now()
    for day in (3, 1, 2):
        PressConferencePageFactory(parent=pressroom, title_en=f"In {day} days", start=now + timedelta(days=day))
    PressConferencePageFactory(parent=pressroom, title_en="Yesterday", start=now - timedelta(days=1))

    assert calendar_titles(client) == ["In 1 days", "In 2 days"]
    monkeypatch.setattr(feeds, "CALENDAR_SIZE", 4)
    assert calendar_titles(client) == ["In 1 days", "In 2 days", "In 3 days", "Yesterday"]


def test_feeds_query_counts_do_not_grow_with_content(client, pressroom, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(feeds, "CALENDAR_SIZE", 3)
    monkeypatch.setattr(atom_feeds, "FEED_SIZE", 3)
    now = timezone.now()

    def add(count):
        for day in range(count):
            PressReleasePageFactory(parent=pressroom)
            PressConferencePageFactory(parent=pressroom, start=now + timedelta(days=day + 1))
            PressConferencePageFactory(parent=pressroom, start=now - timedelta(days=day + 1))

    add(2)
    counts = {}
    for url in ("/en/press/feed/", "/en/press/calendar/"):
        client.get(url)  # warm Wagtail's per-process caches
        with django_assert_max_num_queries(15) as few:
            client.get(url)
        counts[url] = len(few.captured_queries)
    add(10)
    for url, count in counts.items():
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200
