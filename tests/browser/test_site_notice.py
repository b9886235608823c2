"""A moderator switches the site notice on in the admin; a visitor sees it at the top of the home
page in English and in Chinese; once its end time has passed and the clock has run, it is gone,
from the cached pages too."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.test.utils import override_settings
from django.utils import timezone

from notices.models import SiteNotice
from portal.clock import run_due_jobs
from tests.browser.conftest import run_axe

pytestmark = pytest.mark.browser

ENGLISH = "Typhoon warning: the service centres close at 14:00 today."
CHINESE = "台风预警：各服务中心今日14时起暂停服务。"


@pytest.fixture
def no_notice_after(live_site):
    yield
    SiteNotice.objects.all().delete()


@pytest.fixture
def page_cache_on():
    """As in production: visitors get cached pages, which must not keep the notice past its end."""
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def sign_in(tab, live_site):
    tab.goto("/admin/")
    tab.locator("#id_username").fill(live_site.staff_username)
    tab.locator("#id_password").fill(live_site.staff_password)
    tab.locator("#id_password").press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


def fill_chinese(tab, selector, text):
    """The Chinese field, shown beside the English or one language toggle away."""
    field = tab.locator(selector)
    if not field.is_visible():
        tab.locator("button.locale-toggle", has_text="zh").first.click()
    expect(field).to_be_visible()
    field.fill(text)


def test_a_moderator_switches_the_notice_on_and_the_clock_ends_it(new_tab, live_site, page_cache_on, no_notice_after):
    staff = new_tab()
    sign_in(staff, live_site)

    staff.goto("/admin/")
    staff.get_by_role("button", name="Settings").click()
    staff.get_by_role("link", name="Site notice").click()
    staff.locator("#id_shown").check()
    staff.locator("#id_level").select_option("warning")
    staff.locator("#id_text_en").fill(ENGLISH)
    fill_chinese(staff, "#id_text_zh_hans", CHINESE)
    staff.locator("#id_ends_at").fill((timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"))
    staff.locator("#id_ends_at").press("Escape")  # closes the date picker over the Save button
    staff.get_by_role("button", name="Save").click()
    expect(staff.locator(".messages .success")).to_be_visible()

    visitor = new_tab()
    visitor.goto("/en/")
    notice = visitor.get_by_role("region", name="Warning")
    expect(notice).to_contain_text(ENGLISH)
    expect(notice.locator("svg")).to_have_attribute("aria-hidden", "true")
    assert not [line for line in run_axe(visitor) if "site-notice" in line]
    visitor.set_viewport_size({"width": 360, "height": 800})
    expect(notice).to_be_in_viewport()
    visitor.goto("/zh-hans/")
    expect(visitor.locator("section.site-notice")).to_contain_text(CHINESE)

    # Its end time passes (moved, not waited for, and without a save, which would refresh the
    # pages itself): the pages cached with the notice keep it until the clock runs.
    SiteNotice.objects.update(ends_at=timezone.now() - timedelta(seconds=1))
    visitor.goto("/en/")
    expect(visitor.locator("section.site-notice")).to_have_count(1)
    assert "site-notice" in run_due_jobs(now=timezone.now())

    for address in ("/en/", "/zh-hans/"):
        visitor.goto(address)
        expect(visitor.locator("section.site-notice")).to_have_count(0)
    staff.reload()
    expect(staff.locator("#id_shown")).not_to_be_checked()
