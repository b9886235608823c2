"""The site notice: on every public page in both languages, started and ended by the clock, kept
by moderators only, and never served stale from the page cache."""

import json
import time
from datetime import timedelta

import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notices.models import SiteNotice
from portal.clock import run_due_jobs
from portal.factories import StandardPageFactory
from portal.pagecache import current_generation
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

NOTICE_JOB = "site-notice"
SETTING_URL = "/admin/settings/notices/sitenotice/"


@pytest.fixture(autouse=True)
def page_cache_on(settings, empty_cache):
    """As in production: anonymous visitors get cached pages, which the notice must not leave stale."""
    settings.PAGE_CACHE_SECONDS = 300


def make_notice(**fields):
    values = {
        "shown": True,
        "level": SiteNotice.Level.WARNING,
        "text_en": "Typhoon In-fa: the service centres close at noon.",
        "text_zh_hans": "台风“烟花”来袭：各服务中心中午起暂停服务。",
        "starts_at": timezone.now() - timedelta(minutes=5),
        **fields,
    }
    return SiteNotice.objects.create(**values)


def notice_on(client, url):
    """The notice a visitor sees at `url` (the <section>), or None."""
    return soup(client.get(url)).select_one("section.site-notice")


def run_the_clock():
    """The clock's next period, running only the notice's job as settings.CLOCK_JOBS declares it."""
    return run_due_jobs(now=timezone.now())


@pytest.fixture
def notice_job_only(settings):
    settings.CLOCK_JOBS = [job for job in settings.CLOCK_JOBS if job[0] == NOTICE_JOB]
    assert settings.CLOCK_JOBS, "the clock runs the site notice's job"


def test_the_notice_is_at_the_top_of_every_page_in_both_languages(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    make_notice(link_page=about, link_text_en="Closures", link_text_zh_hans="暂停服务安排")

    english = notice_on(client, "/en/")
    chinese = notice_on(client, "/zh-hans/about/")

    assert "site-notice--warning" in english["class"]
    assert english.select_one(".site-notice__label").get_text(strip=True) == "Warning"
    assert "Typhoon In-fa: the service centres close at noon." in english.get_text()
    assert english.select_one("a")["href"] == "/en/about/" and english.select_one("a").get_text() == "Closures"
    assert "台风“烟花”来袭：各服务中心中午起暂停服务。" in chinese.get_text()
    assert chinese.select_one("a")["href"] == "/zh-hans/about/" and chinese.select_one("a").get_text() == "暂停服务安排"
    assert not chinese.select("[lang]")  # all of it in the page's own language


def test_it_comes_first_after_the_skip_link(client, home):
    make_notice()

    body = soup(client.get("/en/")).body
    first, second = body.find_all(True, recursive=False)[:2]

    assert "skip-link" in first["class"] and second.name == "section" and "site-notice" in second["class"]
    assert second["aria-labelledby"] == "site-notice-label"


@pytest.mark.parametrize(
    ("level", "label"), [("information", "Information"), ("warning", "Warning"), ("emergency", "Emergency")]
)
def test_each_level_is_said_in_words_and_has_its_own_icon(client, home, level, label):
    make_notice(level=level)

    notice = notice_on(client, "/en/")

    assert f"site-notice--{level}" in notice["class"]
    assert notice.select_one("#site-notice-label").get_text(strip=True) == label
    assert notice.select_one("svg")["aria-hidden"] == "true"


def test_the_icons_differ_in_shape_not_only_in_colour(client, home):
    shapes = set()
    for level in SiteNotice.Level.values:
        SiteNotice.objects.all().delete()
        make_notice(level=level)
        shapes.add(str(notice_on(client, "/en/").select_one("svg .site-notice__shape")))

    assert len(shapes) == 3


def test_english_only_text_is_marked_english_on_chinese_pages(client, home):
    make_notice(text_zh_hans="", link_url="https://www.example.gov.cn/typhoon")

    notice = notice_on(client, "/zh-hans/")

    assert notice.find("span", lang="en").get_text() == "Typhoon In-fa: the service centres close at noon."
    assert notice.select_one("a")["href"] == "https://www.example.gov.cn/typhoon"


@pytest.mark.parametrize(
    "fields",
    [
        {"shown": False},
        {"starts_at": timezone.now() + timedelta(hours=1)},
        {"ends_at": timezone.now() - timedelta(minutes=1), "starts_at": timezone.now() - timedelta(hours=1)},
    ],
    ids=["switched off", "not started", "ended"],
)
def test_no_notice_outside_its_time_or_when_switched_off(client, home, fields):
    make_notice(**fields)

    assert notice_on(client, "/en/") is None


def test_it_disappears_at_its_end_time_when_the_clock_runs(client, home, notice_job_only):
    notice = make_notice(ends_at=timezone.now() + timedelta(seconds=1))
    assert notice_on(client, "/en/") is not None  # and the page is cached with it

    time.sleep(1.1)  # its end has come; the cached page still shows it until the clock runs
    assert notice_on(client, "/en/") is not None
    assert run_the_clock() == [NOTICE_JOB]

    assert notice_on(client, "/en/") is None
    assert notice_on(client, "/zh-hans/") is None
    notice.refresh_from_db()
    assert not notice.shown  # the admin shows it switched off, as it is on the site


def test_a_page_cached_before_the_start_shows_the_notice_once_the_clock_runs(client, home, notice_job_only):
    make_notice(starts_at=timezone.now() + timedelta(seconds=1))
    first = client.get("/en/")
    assert first["X-Page-Cache"] == "miss" and not soup(first).select("section.site-notice")

    time.sleep(1.1)  # its start has come, and the page in the cache was rendered before
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    run_the_clock()

    assert notice_on(client, "/en/") is not None


def test_the_clock_refreshes_the_pages_only_when_the_notice_starts_or_ends(client, home, notice_job_only):
    make_notice(ends_at=timezone.now() + timedelta(hours=1))
    generation = current_generation()

    run_the_clock()
    run_due_jobs(now=timezone.now() + timedelta(minutes=1))  # the next minute: nothing changed

    assert current_generation() == generation


def test_saving_and_deleting_the_notice_refresh_every_cached_page(client, home):
    notice = make_notice()
    for prefix in ("en", "zh-hans"):
        assert client.get(f"/{prefix}/")["X-Page-Cache"] == "miss"

    notice.text_en, notice.text_zh_hans = "The centres reopen at 9:00.", "各服务中心9时恢复服务。"
    notice.save()
    assert "The centres reopen at 9:00." in notice_on(client, "/en/").get_text()
    assert "各服务中心9时恢复服务。" in notice_on(client, "/zh-hans/").get_text()

    notice.delete()
    assert notice_on(client, "/en/") is None


def test_a_page_costs_one_query_for_the_notice_at_most_and_none_once_read(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    make_notice(link_page=about)

    with CaptureQueriesContext(connection) as first:
        client.get("/en/")
    with CaptureQueriesContext(connection) as second:
        response = client.get("/zh-hans/about/")  # another page, rendered, not from the page cache

    def notice_queries(captured):
        return [query for query in captured.captured_queries if "notices_sitenotice" in query["sql"]]

    assert len(notice_queries(first)) == 1
    assert response["X-Page-Cache"] == "miss" and notice_queries(second) == []


def test_without_the_page_cache_a_change_from_another_process_shows_at_once(client, home, settings):
    """A local run: each process has its own memory cache, so the clock's or a shell's change
    never reaches the web process's; the notice is read with each page there."""
    settings.PAGE_CACHE_SECONDS = 0
    notice = make_notice()
    client.get("/en/")

    SiteNotice.objects.filter(pk=notice.pk).update(text_en="Changed elsewhere.")  # no signal in this process

    assert "Changed elsewhere." in notice_on(client, "/en/").get_text()


# Kept by moderators, in the admin's Settings -----------------------------------------------------


def notice_form(**fields):
    return {
        "shown": "on",
        "level": "emergency",
        "text_en": "Heavy rain: stay indoors.",
        "text_zh_hans": "暴雨：请留在室内。",
        "link_page": "",
        "link_url": "",
        "link_text_en": "",
        "link_text_zh_hans": "",
        "starts_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "ends_at": (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        **fields,
    }


def settings_menu(client):
    props = json.loads(soup(client.get("/admin/")).find(id="wagtail-sidebar-props").string)
    return json.dumps(props)


def test_a_moderator_switches_the_notice_on_under_settings(client, home):
    client.force_login(staff_user("Moderators", username="moderator"))
    assert "Site notice" in settings_menu(client)
    form_url = client.get(SETTING_URL)["Location"]

    response = client.post(form_url, notice_form())

    assert response.status_code == 302
    notice = notice_on(client.__class__(), "/en/")  # a visitor, without the moderator's session
    assert "site-notice--emergency" in notice["class"] and "Heavy rain: stay indoors." in notice.get_text()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text_en": ""}, "text_en", "Write the notice’s text before showing it."),
        ({"ends_at": "2020-01-01 10:00"}, "ends_at", "The end must come after the start."),
        ({"link_url": "https://example.org/", "link_page": "HOME"}, "link_url", "not both"),
        ({"level": "panic"}, "level", "Select a valid choice"),
        ({"starts_at": "tomorrow"}, "starts_at", "Enter a valid date/time"),
    ],
)
def test_a_notice_the_site_cannot_show_is_refused_with_a_reason(client, home, fields, field, message):
    client.force_login(staff_user("Moderators", username="moderator"))
    form_url = client.get(SETTING_URL)["Location"]
    fields = {name: home.pk if value == "HOME" else value for name, value in fields.items()}

    response = client.post(form_url, notice_form(**fields))

    assert response.status_code == 200
    errors = soup(response).find(id=f"panel-child-{field}-content") or soup(response)
    assert message in errors.get_text()
    assert not SiteNotice.objects.filter(shown=True).exists()


@pytest.mark.parametrize("group", ["Editors", "Press officers", "CNS feedback handlers"])
def test_only_moderators_may_change_it(client, home, group):
    notice = make_notice()
    client.force_login(staff_user(group, username="member"))

    assert "Site notice" not in settings_menu(client)
    form = client.get(f"{SETTING_URL}{notice.pk}/")
    post = client.post(f"{SETTING_URL}{notice.pk}/", notice_form(text_en="Hacked"))

    assert form.status_code in (302, 403) and post.status_code in (302, 403)
    notice.refresh_from_db()
    assert notice.text_en == "Typhoon In-fa: the service centres close at noon."


def test_the_permission_is_declared_for_moderators_only():
    from django.contrib.auth.models import Group

    holders = set(Group.objects.filter(permissions__codename="change_sitenotice").values_list("name", flat=True))

    assert holders == {"Moderators"}


def test_the_clock_declares_the_notice_job_every_minute():
    assert (NOTICE_JOB, 60, ["refresh_site_notice"]) in settings.CLOCK_JOBS
