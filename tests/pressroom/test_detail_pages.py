"""A press release, a press conference (its status by the clock) and the journalists' questions
and answers, as visitors read them in each language."""

from datetime import UTC, datetime, timedelta

import pytest

from django.utils import timezone

from wagtail_factories import DocumentFactory, ImageFactory

from portal.factories import StandardPageFactory
from pressroom.factories import (
    JournalistFAQItemFactory,
    JournalistFAQPageFactory,
    PressConferencePageFactory,
    PressReleasePageFactory,
)
from pressroom.models import (
    ConferenceSpeaker,
    PressConferencePage,
    PressReleaseAgency,
    PressReleaseDocument,
    PressReleaseImage,
)
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "credit", "contact"),
    [("en", "Photo: Office archive", "Media contact"), ("zh-hans", "图片：新闻办资料", "媒体联系人")],
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
