"""A staff member edits a page's Chinese title in the Wagtail admin, publishes it, and sees it live."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from portal.demotools import ensure_page, home_page
from portal.models import StandardPage

pytestmark = pytest.mark.browser

ADMIN_LOCALES = {"en": "en-GB", "zh-hans": "zh-CN"}
NEW_TITLE = "上海国际访客中心"


@pytest.fixture
def visitor_centre(live_site, admin_language):
    """A page of its own for each run, so editing it changes nothing another test reads."""
    page = ensure_page(
        home_page(),
        StandardPage,
        f"visitor-centre-{admin_language}",
        title_en="Visitor centre",
        title_zh_hans="访客中心",
        intro_en="Where visitors from abroad are welcome.",
        intro_zh_hans="欢迎境外来宾。",
    )
    yield page
    page.delete()


@pytest.mark.parametrize("admin_language", ["en", "zh-hans"])
def test_staff_edit_the_chinese_title_publish_and_see_it_live(new_tab, live_site, visitor_centre, admin_language):
    tab = new_tab(locale=ADMIN_LOCALES[admin_language])
    slug = visitor_centre.slug

    # Signing in, by keyboard alone.
    tab.goto("/admin/")
    assert "/admin/login/" in tab.url
    tab.locator("#id_username").focus()
    tab.keyboard.type(live_site.staff_username)
    tab.keyboard.press("Tab")
    tab.keyboard.type(live_site.staff_password)
    tab.keyboard.press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")

    # The edit form may show one language's fields at first; the Chinese ones are one toggle away.
    tab.goto(f"/admin/pages/{visitor_centre.pk}/edit/")
    chinese_title = tab.locator("#id_title_zh_hans")
    if not chinese_title.is_visible():
        tab.locator("button.locale-toggle", has_text="zh-hans").press("Enter")
    expect(chinese_title).to_be_visible()
    chinese_title.press("Control+a")
    chinese_title.press_sequentially(NEW_TITLE)

    tab.locator("footer [data-w-dropdown-target='toggle']").press("Enter")
    publish = tab.locator("button[name='action-publish']")
    expect(publish).to_be_visible()  # the menu opens a moment after the key press; press() would not wait
    publish.press("Enter")
    tab.wait_for_url("**/admin/pages/*/")
    title_in_admin_language = NEW_TITLE if admin_language == "zh-hans" else "Visitor centre"
    expect(tab.locator(".messages .success")).to_contain_text(title_in_admin_language)

    tab.goto(f"/zh-hans/{slug}/")
    expect(tab.locator("h1")).to_have_text(NEW_TITLE)
    tab.goto(f"/en/{slug}/")
    expect(tab.locator("h1")).to_have_text("Visitor centre")
