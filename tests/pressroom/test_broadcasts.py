"""A conference's broadcast, from the site itself: upcoming (its countdown), live (the HLS player and
a link to the stream), ended (the recording from the media library with WebVTT captions per language,
the transcript below it); and the "Example" label of the demo's invented conferences."""

from datetime import UTC, datetime, timedelta

import pytest
from wagtailmedia.models import Media
from wagtailmedia.permissions import permission_policy as media_policy

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from pressroom.demo import build_pressroom
from pressroom.factories import PressConferencePageFactory
from pressroom.models import PressConferencePage
from tests.kit import soup

pytestmark = pytest.mark.django_db

CAPTIONS = {
    "en": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nExample: opening remarks.\n",
    "zh_hans": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n示例：开场致辞。\n",
}
HLS = "application/vnd.apple.mpegurl"


@pytest.fixture
def recording():
    return Media.objects.create(
        title="Briefing recording", type="video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="briefing.mp4")
    )


@pytest.fixture
def ended(pressroom, recording):
    return PressConferencePageFactory(
        parent=pressroom,
        slug="ended",
        start=datetime(2024, 4, 30, 2, 0, tzinfo=UTC),
        recording=recording,
        captions_en=ContentFile(CAPTIONS["en"].encode(), name="ended.en.vtt"),
        captions_zh_hans=ContentFile(CAPTIONS["zh_hans"].encode(), name="ended.zh-hans.vtt"),
        transcript_en="<p>Opening remarks.</p>",
        transcript_zh_hans="<p>开场致辞。</p>",
    )


@pytest.fixture
def live(pressroom, settings):
    settings.SITE_URL = "https://www.example.gov.cn"
    return PressConferencePageFactory(
        parent=pressroom,
        slug="live",
        start=timezone.now() - timedelta(minutes=5),
        live_stream_url="https://www.example.gov.cn/live/briefing.m3u8",
    )


def scripts(page):
    return [script["src"] for script in page.find_all("script", src=True)]


@pytest.mark.parametrize(
    ("prefix", "labels", "default"),
    [("en", ["English", "Simplified Chinese"], "en"), ("zh-hans", ["英语", "简体中文"], "zh-Hans")],
)
def test_the_recording_plays_from_the_site_with_a_caption_track_per_language(
    client, ended, recording, settings, prefix, labels, default
):
    video = soup(client.get(f"/{prefix}/press/ended/")).main.find("video")
    tracks = video.find_all("track")

    assert [(s["src"], s["type"]) for s in video.find_all("source")] == [(recording.url, "video/mp4")]
    assert [track["srclang"] for track in tracks] == ["en", "zh-Hans"]
    assert [track["label"] for track in tracks] == labels
    assert [track["srclang"] for track in tracks if track.has_attr("default")] == [default]
    assert {track["kind"] for track in tracks} == {"captions"}
    assert all(track["src"].startswith(settings.MEDIA_URL) for track in tracks)


def test_the_captions_are_stored_on_the_site_as_uploaded(ended):
    for language, text in CAPTIONS.items():
        with getattr(ended, f"captions_{language}").open("rb") as captions:
            assert captions.read().decode() == text


def test_the_transcript_follows_the_recording_with_the_other_language_below_it(client, ended):
    main = soup(client.get("/en/press/ended/")).main
    transcript = main.find("section", attrs={"aria-labelledby": "transcript-heading"})
    other = transcript.find("details")

    assert main.find("video").find_next("section", attrs={"aria-labelledby": "transcript-heading"}) is transcript
    assert "Opening remarks." in transcript.select_one(".prose").get_text()
    assert other.select_one(".prose")["lang"] == "zh-Hans"
    assert other.select_one(".prose").get_text() == "开场致辞。"


def test_a_transcript_shown_for_want_of_a_translation_is_not_repeated(client, pressroom):
    PressConferencePageFactory(parent=pressroom, slug="untranslated", transcript_en="<p>Opening remarks.</p>")

    transcript = soup(client.get("/zh-hans/press/untranslated/")).main.find(
        "section", attrs={"aria-labelledby": "transcript-heading"}
    )

    assert transcript.select_one(".prose")["lang"] == "en"
    assert transcript.find("details") is None


def test_a_live_conference_plays_its_stream_and_links_to_it(client, live):
    page = soup(client.get("/en/press/live/"))
    video = page.main.find("video", attrs={"data-live-stream": True})

    assert video.source["src"] == live.live_stream_url and video.source["type"] == HLS
    assert page.main.select_one(".pr-player__fallback a")["href"] == live.live_stream_url
    assert [src.rsplit("/", 1)[-1].split(".")[0] for src in scripts(page)][-2:] == ["hls", "broadcast"]
    assert all(src.startswith("/static/") for src in scripts(page))


def test_a_stream_on_another_host_is_a_link_and_nothing_on_the_page_asks_it(client, pressroom):
    PressConferencePageFactory(
        parent=pressroom, slug="elsewhere", start=timezone.now(), live_stream_url="https://cdn.example.com/x.m3u8"
    )

    page = soup(client.get("/en/press/elsewhere/"))

    assert page.main.find("video") is None
    assert page.main.find("a", href="https://cdn.example.com/x.m3u8")
    assert not any("hls" in src for src in scripts(page))


def test_no_player_script_is_loaded_before_or_after_the_broadcast(client, ended, pressroom, settings):
    settings.SITE_URL = "https://www.example.gov.cn"
    PressConferencePageFactory(
        parent=pressroom, slug="soon", live_stream_url="https://www.example.gov.cn/live/soon.m3u8"
    )

    for slug in ("soon", "ended"):
        assert not any("hls" in src for src in scripts(soup(client.get(f"/en/press/{slug}/")))), slug


@pytest.mark.parametrize(
    ("state", "prefix", "label"),
    [
        ("upcoming", "en", "Upcoming"),
        ("upcoming", "zh-hans", "即将举行"),
        ("live", "en", "Live now"),
        ("live", "zh-hans", "直播中"),
        ("archived", "en", "Ended"),
        ("archived", "zh-hans", "已结束"),
    ],
)
def test_each_state_has_its_label_in_both_languages(client, pressroom, state, prefix, label):
    starts = {"upcoming": timedelta(days=3), "live": -timedelta(minutes=5), "archived": -timedelta(days=3)}
    conference = PressConferencePageFactory(parent=pressroom, slug=state, start=timezone.now() + starts[state])

    page = soup(client.get(f"/{prefix}/press/{state}/")).main
    listing = soup(client.get(f"/{prefix}/press/")).main

    assert conference.status == state
    assert page.select_one(f".pr-status--{state}").get_text() == label
    if state != "archived":  # the listing's past conferences show no status
        assert listing.select_one(f".pr-status--{state}").get_text() == label


def test_an_upcoming_conference_counts_down_to_its_start_in_beijing_time(client, pressroom):
    start = (timezone.now() + timedelta(days=3, hours=2)).replace(microsecond=0)
    PressConferencePageFactory(parent=pressroom, slug="soon", start=start)

    countdown = soup(client.get("/en/press/soon/")).main.select_one(".pr-countdown")

    assert countdown.get_text().startswith("Starts in 3\xa0days, 1\xa0hour")
    assert countdown.time["datetime"] == timezone.localtime(start).isoformat(timespec="seconds")
    assert countdown.time["datetime"].endswith("+08:00")
    assert "Beijing time" in countdown.get_text()


def test_an_ended_conference_without_its_recording_says_it_will_come(client, pressroom):
    PressConferencePageFactory(parent=pressroom, slug="over", start=timezone.now() - timedelta(days=1))

    broadcast = soup(client.get("/en/press/over/")).main.select_one(".pr-broadcast")

    assert broadcast.find("video") is None
    assert "The recording will be published on this page." in broadcast.get_text()


@pytest.mark.parametrize(("prefix", "label"), [("en", "Example"), ("zh-hans", "示例")])
def test_both_demo_conferences_are_labelled_examples_on_their_page_and_in_the_listing(client, home, prefix, label):
    build_pressroom()
    build_pressroom()  # a second run changes nothing
    conferences = PressConferencePage.objects.filter(is_example=True).order_by("start")

    listing = soup(client.get(f"/{prefix}/press/")).main

    assert [c.status for c in conferences] == ["archived", "upcoming"]
    assert PressConferencePage.objects.count() == 2 and Media.objects.count() == 1
    for conference in conferences:
        page = soup(client.get(f"/{prefix}/press/{conference.slug}/")).main
        row = listing.find("a", href=f"/{prefix}/press/{conference.slug}/").parent
        assert page.select_one(".example-note .example-label").get_text() == label
        assert row.select_one(".example-label").get_text() == label


def test_the_demo_recording_and_its_captions_are_in_place(client, home):
    build_pressroom()
    ended = PressConferencePage.objects.get(slug="example-recorded-press-conference")

    video = soup(client.get(f"/en/press/{ended.slug}/")).main.find("video")

    assert ended.recording.type == "video" and ended.recording.file.size < 400_000
    assert len(video.find_all("track")) == 2
    for language in ("en", "zh_hans"):
        with getattr(ended, f"captions_{language}").open("rb") as captions:
            cues = captions.read().decode().split("\n\n")[1:]
        assert cues and all(("Example" in cue or "示例" in cue) for cue in cues), language


def test_a_caption_file_must_be_webvtt(pressroom):
    conference = PressConferencePageFactory(parent=pressroom, slug="briefing")
    conference.captions_en = SimpleUploadedFile("captions.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nSRT\n")

    with pytest.raises(ValidationError) as refused:
        conference.full_clean()

    assert "captions_en" in refused.value.message_dict


def conference_form(**fields):
    return nested_form_data(
        {
            "title_en": "Briefing",
            "title_zh_hans": "发布会",
            "slug": "briefing",
            "start": "2030-03-04 10:00",
            "duration_minutes": 60,
            "transcript_en": rich_text(""),
            "transcript_zh_hans": rich_text(""),
            "speakers": inline_formset([]),
            **fields,
        }
    )


def add_conference(client, pressroom, **fields):
    url = reverse("wagtailadmin_pages:add", args=("pressroom", "pressconferencepage", pressroom.pk))
    return client.post(url, conference_form(**fields))


def test_editors_may_enter_only_a_stream_on_the_sites_own_host(client, pressroom, editor, settings):
    settings.SITE_URL = "https://www.example.gov.cn"
    client.force_login(editor)

    refused = add_conference(client, pressroom, live_stream_url="https://cdn.example.com/briefing.m3u8")
    taken = add_conference(client, pressroom, live_stream_url="https://www.example.gov.cn/live/briefing.m3u8")

    assert refused.status_code == 200 and b"www.example.gov.cn" in refused.content
    assert taken.status_code == 302, taken.content[:2000]
    assert (
        PressConferencePage.objects.get(slug="briefing")
        .get_latest_revision_as_object()
        .live_stream_url.endswith("/live/briefing.m3u8")
    )


def test_editors_upload_captions_in_each_language_through_the_page_editor(client, pressroom, editor):
    client.force_login(editor)

    refused = add_conference(client, pressroom, captions_en=SimpleUploadedFile("a.vtt", b"not captions"))
    taken = add_conference(
        client,
        pressroom,
        captions_en=SimpleUploadedFile("briefing.en.vtt", CAPTIONS["en"].encode()),
        captions_zh_hans=SimpleUploadedFile("briefing.zh-hans.vtt", CAPTIONS["zh_hans"].encode()),
    )

    assert refused.status_code == 200 and b"WebVTT" in refused.content
    assert taken.status_code == 302
    draft = PressConferencePage.objects.get(slug="briefing").get_latest_revision_as_object()
    with draft.captions_zh_hans.open("rb") as captions:
        assert captions.read().decode() == CAPTIONS["zh_hans"]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_upload_and_choose_videos_in_the_media_library(request, role, recording):
    user = request.getfixturevalue(role)

    assert media_policy.user_has_permission(user, "add")
    assert media_policy.user_has_permission_for_instance(user, "change", recording)
