from datetime import UTC, datetime, timedelta

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail_factories import DocumentFactory, ImageFactory

from portal.factories import StandardPageFactory
from pressroom import feeds
from pressroom.factories import (
    JournalistFAQItemFactory,
    JournalistFAQPageFactory,
    PressConferencePageFactory,
    PressReleasePageFactory,
    PressTopicFactory,
)
from pressroom.models import (
    ConferenceSpeaker,
    JournalistFAQPage,
    PressConferencePage,
    PressReleaseAgency,
    PressReleaseDocument,
    PressReleaseImage,
    PressReleasePage,
    PressroomPage,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_page_types_sit_only_where_the_design_puts_them(home, pressroom):
    assert PressroomPage.can_create_at(home)
    assert not PressReleasePage.can_create_at(home)
    assert PressReleasePage.can_create_at(pressroom)
    assert PressConferencePage.can_create_at(pressroom)
    assert JournalistFAQPage.can_create_at(pressroom)


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


@pytest.mark.parametrize(
    ("prefix", "credit", "contact"),
    [("en", "Photo: Office archive", "Media contact"), ("zh-hans", "图片：新闻办资料", "媒体联系")],
)
def test_release_shows_photo_credit_documents_agencies_and_spokesperson(
    client, home, pressroom, prefix, credit, contact
):
    release = PressReleasePageFactory(
        parent=pressroom,
        spokesperson_name_en="Press officer on duty",
        spokesperson_name_zh_hans="值班新闻官",
        spokesperson_email="press@example.org",
    )
    PressReleaseImage.objects.create(
        page=release,
        image=ImageFactory(),
        alt_text_en="Signing ceremony",
        alt_text_zh_hans="签约仪式",
        credit_en="Office archive",
        credit_zh_hans="新闻办资料",
    )
    PressReleaseDocument.objects.create(
        page=release, document=DocumentFactory(title="Full text"), label_en="Full text (PDF)"
    )
    agency = StandardPageFactory(parent=home, title_en="Commerce Commission", title_zh_hans="商务委员会")
    PressReleaseAgency.objects.create(page=release, agency=agency)
    release.save_revision().publish()

    main = soup(client.get(f"/{prefix}/press/{release.slug}/")).main

    assert main.figure.img["alt"] in ("Signing ceremony", "签约仪式")
    assert credit.split("：")[-1].split(": ")[-1] in main.figure.get_text()
    assert main.find("a", string="Full text (PDF)")
    assert main.find("a", href=agency.url) or main.find("a", string=agency.title)
    assert main.find("h2", string=contact)
    assert main.find("a", href="mailto:press@example.org")


def test_conference_status_follows_the_clock():
    start = datetime(2024, 4, 30, 2, 0, tzinfo=UTC)
    conference = PressConferencePage(start=start, duration_minutes=90)

    assert conference.status_at(start - timedelta(seconds=1)) == "upcoming"
    assert conference.status_at(start) == "live"
    assert conference.status_at(start + timedelta(minutes=89)) == "live"
    assert conference.status_at(start + timedelta(minutes=90)) == "archived"


def test_upcoming_and_past_querysets_split_on_the_end_time(pressroom):
    now = timezone.now()
    live = PressConferencePageFactory(parent=pressroom, start=now - timedelta(minutes=30), duration_minutes=60)
    later = PressConferencePageFactory(parent=pressroom, start=now + timedelta(days=1))
    over = PressConferencePageFactory(parent=pressroom, start=now - timedelta(hours=3), duration_minutes=60)

    assert list(PressConferencePage.objects.upcoming()) == [live, later]
    assert list(PressConferencePage.objects.past()) == [over]


@pytest.mark.parametrize(("prefix", "when", "live"), [("en", "10 a.m.", "Live now"), ("zh-hans", "10:00", "直播中")])
def test_conference_page_shows_beijing_time_and_live_status(client, pressroom, prefix, when, live):
    start = timezone.now() - timedelta(minutes=5)
    conference = PressConferencePageFactory(
        parent=pressroom,
        start=start,
        live_stream_url="https://live.example.org/",
        transcript_en="<p>Opening remarks.</p>",
        transcript_zh_hans="<p>开场致辞。</p>",
    )
    ConferenceSpeaker.objects.create(page=conference, name_en="A spokesperson", name_zh_hans="发言人")
    archived = PressConferencePageFactory(
        parent=pressroom,
        start=datetime(2024, 4, 30, 2, 0, tzinfo=UTC),
        archived_video_url="https://video.example.org/1",
    )

    page = soup(client.get(f"/{prefix}/press/{conference.slug}/")).main
    old = soup(client.get(f"/{prefix}/press/{archived.slug}/")).main

    assert live in page.get_text()
    assert page.find("a", href="https://live.example.org/")
    assert page.find("h2", id="transcript-heading")
    assert when in old.get_text()  # 02:00 UTC is 10:00 in Beijing
    assert old.find("time")["datetime"].startswith("2024-04-30T10:00:00+08:00")
    assert old.find("a", href="https://video.example.org/1")


def test_untranslated_questions_and_speakers_are_marked_english_on_chinese_pages(client, pressroom):
    faq = JournalistFAQPageFactory(parent=pressroom)
    JournalistFAQItemFactory(
        page=faq, question_en="Where do I park?", question_zh_hans="", answer_zh_hans="<p>在东门。</p>"
    )
    conference = PressConferencePageFactory(parent=pressroom, slug="briefing")
    ConferenceSpeaker.objects.create(page=conference, name_en="Li Ming", name_zh_hans="李明", role_en="Spokesperson")

    question = soup(client.get("/zh-hans/press/questions-and-answers/")).main.select_one(".pr-faq__item")
    speaker = soup(client.get("/zh-hans/press/briefing/")).main.select_one(".pr-speakers li")

    assert question.h2.get_text() == "Where do I park?" and question.h2["lang"] == "en"
    assert not question.select_one(".prose").has_attr("lang")  # the answer is in Chinese
    assert speaker.strong.get_text() == "李明" and not speaker.strong.has_attr("lang")
    assert speaker.find("span", lang="en").get_text() == "Spokesperson"


def test_faq_page_keeps_the_editors_order_in_both_languages(client, pressroom):
    faq = JournalistFAQPageFactory(parent=pressroom)
    first = JournalistFAQItemFactory(
        page=faq, sort_order=0, question_en="How do I register?", question_zh_hans="如何登记？"
    )
    second = JournalistFAQItemFactory(
        page=faq, sort_order=1, question_en="Can I watch live?", question_zh_hans="可以看直播吗？"
    )

    english = [h.get_text() for h in soup(client.get("/en/press/questions-and-answers/")).main.select(".pr-faq h2")]
    first.sort_order, second.sort_order = 1, 0
    first.save()
    second.save()
    chinese = [
        h.get_text() for h in soup(client.get("/zh-hans/press/questions-and-answers/")).main.select(".pr-faq h2")
    ]

    assert english == ["How do I register?", "Can I watch live?"]
    assert chinese == ["可以看直播吗？", "如何登记？"]


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
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
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


def test_demo_builder_runs_twice_without_changes(home):
    from wagtail.models import Page, Revision

    from pressroom.demo import build_pressroom

    build_pressroom()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    build_pressroom()

    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert PressReleasePage.objects.count() == 2
    assert PressConferencePage.objects.count() == 2
    faq = JournalistFAQPage.objects.get()
    assert faq.faq_items.count() >= 5
    assert all(item.question_zh_hans and item.answer_zh_hans for item in faq.faq_items.all())
    assert home.featured_links.filter(link_page=PressroomPage.objects.get()).count() == 1


def test_related_agency_must_be_an_agency_page(home, pressroom):
    from django.core.exceptions import ValidationError

    release = PressReleasePageFactory(parent=pressroom)
    not_an_agency = StandardPageFactory(parent=home)

    with pytest.raises(ValidationError):
        PressReleaseAgency(page=release, agency=not_an_agency).full_clean()


def test_release_editor_offers_an_agency_chooser(admin_client, pressroom):
    release = PressReleasePageFactory(parent=pressroom)

    response = admin_client.get(f"/admin/pages/{release.pk}/edit/")

    assert response.status_code == 200
    assert b"agency_links-__prefix__-agency" in response.content or b"agency_links" in response.content


def test_a_conference_about_to_change_status_is_not_kept_in_the_page_cache(client, pressroom, settings):
    settings.PAGE_CACHE_SECONDS = 300
    soon = PressConferencePageFactory(parent=pressroom, start=timezone.now() + timedelta(minutes=2))
    later = PressConferencePageFactory(parent=pressroom, start=timezone.now() + timedelta(days=2))

    soon_response = client.get(f"/en/press/{soon.slug}/")
    later_response = client.get(f"/en/press/{later.slug}/")
    listing = client.get("/en/press/")

    assert "no-cache" in soon_response["Cache-Control"]
    assert "no-cache" not in later_response.get("Cache-Control", "")
    assert "no-cache" in listing["Cache-Control"]


@pytest.mark.parametrize("model", ["pressreleasepage", "pressconferencepage", "journalistfaqpage"])
def test_editors_can_open_the_create_form_of_each_page_type(admin_client, pressroom, model):
    response = admin_client.get(f"/admin/pages/add/pressroom/{model}/{pressroom.pk}/")

    assert response.status_code == 200
    assert b"title_zh_hans" in response.content
