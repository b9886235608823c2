"""Conference broadcasts in Chromium, all from the site itself: the demo's recording plays with its
captions in each language, and a live stream (a short HLS stream, ./hls/) plays through hls.js. The
fixtures fail a test on any request to another host and on any console error, so a refusal by the
Content-Security-Policy (a blob: the player needs, a worker) fails it too. Screenshots at 360 and
1440 px in both languages."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from django.conf import settings
from django.test.utils import override_settings
from django.utils import timezone

from pressroom.models import PressConferencePage, PressroomPage

from .conftest import WIDTHS, save_screenshot, screenshots_written

pytestmark = pytest.mark.browser

STREAM = Path(__file__).with_name("hls")
DEMO_FILES = Path(settings.BASE_DIR) / "pressroom" / "demo" / "media"
RECORDED = "/{language}/press/example-recorded-press-conference/"
LANGUAGES = {"en": ["English", "Simplified Chinese"], "zh-hans": ["英语", "简体中文"]}
# Plays the video muted (as a browser lets a page without a click) for a second and a half.
PLAY = """async video => {
    video.muted = true;
    await Promise.race([video.play(), new Promise((_, fail) => setTimeout(() => fail(new Error('no play')), 8000))]);
    const started = video.currentTime;
    await new Promise(done => setTimeout(done, 1500));
    video.pause();
    return {readyState: video.readyState, advanced: video.currentTime - started, player: video.dataset.player || ""};
}"""
# Each caption track's language, label and cues, with what the site answers for its file.
TRACKS = """async video => Promise.all(Array.from(video.querySelectorAll('track')).map(async element => {
    element.track.mode = 'hidden';
    for (let wait = 0; element.readyState < 2 && wait < 100; wait++) await new Promise(done => setTimeout(done, 50));
    const answer = await fetch(element.src);
    return {
        srclang: element.srclang, label: element.label, sameOrigin: new URL(element.src).origin === location.origin,
        type: answer.headers.get('content-type'), cues: Array.from(element.track.cues).map(cue => cue.text),
    };
}))"""


@pytest.fixture(autouse=True)
def demo_media(live_site):
    """The demo's recording and captions where this test's uploads folder is (each test has its own,
    tests/conftest.py), at the names the demo stored them under."""
    recorded = PressConferencePage.objects.get(slug="example-recorded-press-conference")
    for stored in (recorded.recording.file, recorded.captions_en, recorded.captions_zh_hans):
        target = Path(settings.MEDIA_ROOT) / stored.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEMO_FILES / Path(stored.name).name, target)


@pytest.fixture
def live_conference(live_site):
    """A conference under way whose stream, on the site's own host, is the HLS stream of ./hls/."""
    folder = Path(settings.MEDIA_ROOT) / "live"
    shutil.copytree(STREAM, folder, dirs_exist_ok=True)
    with override_settings(SITE_URL=live_site.url):
        conference = PressConferencePage(
            title_en="Live test",
            title_zh_hans="直播测试",
            slug="live-broadcast-test",
            start=timezone.now() - timedelta(minutes=5),
            duration_minutes=120,
            is_example=True,
            live_stream_url=f"{live_site.url}/media/live/stream.m3u8",
        )
        PressroomPage.objects.get().add_child(instance=conference)
        conference.save_revision().publish()
        try:
            yield conference
        finally:
            conference.delete()  # the other browser tests see the demo site as it was built


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_recording_plays_with_captions_in_both_languages(new_tab, language, width):
    tab = new_tab(viewport={"width": width, "height": 900})
    tab.goto(RECORDED.format(language=language))
    video = tab.locator("video")

    tracks = video.evaluate(TRACKS)
    played = video.evaluate(PLAY)
    save_screenshot(tab, f"broadcast-recording-{language}-{width}")
    screenshots_written()

    assert played["readyState"] >= 2 and played["advanced"] > 0.5, played
    assert [(t["srclang"], t["label"]) for t in tracks] == list(
        zip(["en", "zh-Hans"], LANGUAGES[language], strict=True)
    )
    assert all(t["sameOrigin"] and t["type"].startswith("text/vtt") for t in tracks), tracks
    assert all(("Example" in cue or "示例" in cue) for t in tracks for cue in t["cues"]) and all(
        t["cues"] for t in tracks
    )
    assert video.bounding_box()["width"] <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_a_live_stream_plays_through_hls_js_with_its_link_beside_it(new_tab, live_conference, width):
    tab = new_tab(viewport={"width": width, "height": 900})
    tab.goto(f"/zh-hans/press/{live_conference.slug}/")
    video = tab.locator("video[data-live-stream]")

    played = video.evaluate(PLAY)
    save_screenshot(tab, f"broadcast-live-zh-hans-{width}")
    screenshots_written()

    assert played["player"] == "hls.js"
    assert played["readyState"] >= 2 and played["advanced"] > 0.5, played
    assert tab.locator(".pr-player__fallback a").get_attribute("href") == live_conference.live_stream_url
    assert tab.locator(".pr-player__error").is_hidden()


def test_the_broadcast_pages_pass_the_accessibility_checks(new_tab, axe, live_conference):
    tab = new_tab()
    for path in (RECORDED.format(language="en"), f"/en/press/{live_conference.slug}/"):
        tab.goto(path)
        tab.locator("video").evaluate(PLAY)

        assert axe(tab) == [], path
