"""An editor works on both languages in the Wagtail admin: both languages' fields at once, a draft
previewed in Chinese, and a publishing schedule at half past the hour."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from portal.demotools import ensure_page, home_page
from portal.models import StandardPage

pytestmark = pytest.mark.browser


def sign_in(tab, live_site):
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill(live_site.staff_username)
    tab.locator("#id_password").fill(live_site.staff_password)
    tab.locator("#id_password").press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


@pytest.fixture
def published(live_site):
    page = ensure_page(
        home_page(),
        StandardPage,
        "side-by-side",
        title_en="Side by side",
        title_zh_hans="并排编辑",
        intro_en="Both languages at once.",
        intro_zh_hans="两种语言同时显示。",
    )
    yield page
    page.delete()


@pytest.fixture
def draft(live_site):
    """A page never published: no public address in any language."""
    page = StandardPage(
        slug="tea-ceremony-draft",
        title_en="Tea ceremony notes",
        title_zh_hans="茶道笔记",
        intro_en="How the ceremony goes.",
        intro_zh_hans="茶道的流程。",
        live=False,
    )
    home_page().add_child(instance=page)
    page.save_revision()
    yield page
    page.delete()


def test_an_editor_sees_both_languages_fields_at_once_and_keeps_a_hidden_language_hidden(new_tab, live_site, published):
    tab = new_tab()
    sign_in(tab, live_site)

    tab.goto(f"/admin/pages/{published.pk}/edit/")

    english, chinese = tab.locator("#id_title_en"), tab.locator("#id_title_zh_hans")
    expect(english).to_be_visible()
    expect(chinese).to_be_visible()
    expect(tab.locator("#id_intro_zh_hans")).to_have_value("两种语言同时显示。")
    # Side by side on a wide screen: the same height, Chinese to the right.
    left, right = english.bounding_box(), chinese.bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"]
    expect(tab.locator("label[for='id_title_zh_hans'] .w-language-tag")).to_have_text("中文")
    expect(tab.locator("label[for='id_title_en'] .w-language-tag")).to_have_text("English")
    expect(tab.get_by_text("View / edit fields for")).to_have_count(0)

    # An editor who hides Chinese finds it hidden on the next form, until shown again.
    tab.locator(".w-bilingual-toolbar__toggle[data-toggle-language='zh-hans']").click()
    expect(chinese).to_be_hidden()
    tab.reload()
    expect(tab.locator("#id_title_zh_hans")).to_be_hidden()
    expect(tab.locator("#id_title_en")).to_be_visible()
    toggle = tab.locator(".w-bilingual-toolbar__toggle[data-toggle-language='zh-hans']")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(tab.locator("#id_title_zh_hans")).to_be_visible()


def test_on_a_phone_the_languages_stand_one_under_the_other(new_tab, live_site, published):
    tab = new_tab(viewport={"width": 360, "height": 800})
    sign_in(tab, live_site)

    tab.goto(f"/admin/pages/{published.pk}/edit/")

    english, chinese = tab.locator("#id_title_en").bounding_box(), tab.locator("#id_title_zh_hans").bounding_box()
    assert chinese["y"] > english["y"] + english["height"]
    assert english["x"] >= 0 and english["x"] + english["width"] <= 360


def test_an_editor_previews_an_unpublished_draft_in_chinese(new_tab, live_site, draft):
    tab = new_tab()
    sign_in(tab, live_site)
    tab.goto(f"/admin/pages/{draft.pk}/edit/")

    tab.locator("[data-side-panel-toggle='preview']").click()
    preview = tab.frame_locator("#w-preview-iframe")
    # The panel first loads the default mode; a mode picked before that load ends was replaced by it.
    expect(preview.locator("h1")).to_contain_text("Tea ceremony notes")
    tab.locator("select[name='preview_mode']").select_option("zh-hans")

    expect(preview.locator("h1")).to_contain_text("茶道笔记")
    expect(preview.locator("html")).to_have_attribute("lang", "zh-Hans")
    # The preview's own switcher stays in the preview: the draft has no public page yet.
    english = preview.locator(".language-switcher a[hreflang='en']")
    assert urlsplit(english.get_attribute("href")).path == f"/admin/pages/{draft.pk}/edit/preview/"
    english.click()
    expect(preview.locator("h1")).to_contain_text("Tea ceremony notes")


def test_a_moderator_schedules_a_page_at_half_past_the_hour(new_tab, live_site, draft):
    tab = new_tab()
    # The picker's time list opens scrolled to the browser's time of day, and hides the rest:
    # with the clock at ten past ten, 10:30 is in sight whatever the hour the tests run at.
    today_at_ten = timezone.localtime().replace(hour=10, minute=10, second=0, microsecond=0)
    tab.clock.set_fixed_time(today_at_ten)
    sign_in(tab, live_site)
    tab.goto(f"/admin/pages/{draft.pk}/edit/")

    tab.locator("[data-side-panel-toggle='status']").click()
    tab.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    go_live = tab.locator("#id_go_live_at")
    go_live.click()
    picker = tab.locator(".xdsoft_datetimepicker.portal-picker-in-flow:visible")
    # The 15th of next month at 10:30, picked with the mouse: the picker offers half hours.
    picker.locator(".xdsoft_next").first.click()
    picker.locator(".xdsoft_date[data-date='15']:not(.xdsoft_other_month)").click()
    picker.locator(".xdsoft_time[data-hour='10'][data-minute='30']").click()
    expect(go_live).to_have_value(re.compile(r"-15 10:30$"))

    # Not covered by the picker: Playwright refuses to click a button something else covers.
    tab.get_by_role("button", name="Save schedule").click()
    tab.locator("footer [data-w-dropdown-target='toggle']").click()
    tab.locator("button[name='action-publish']").click()
    tab.wait_for_url("**/admin/pages/*/")

    go_live_at = StandardPage.objects.get(pk=draft.pk).go_live_at
    assert timezone.localtime(go_live_at).strftime("%d %H:%M") == "15 10:30"


def type_title(tab, title):
    """Typed, as an editor does: the slug follows the title as it is typed."""
    title_field = tab.locator("#id_title_en")
    title_field.press_sequentially(title)
    title_field.blur()
    expect(tab.locator("#id_slug")).to_have_value(re.compile(r"^[a-z0-9-]+$"))


@pytest.fixture
def pages_added_under_home(live_site):
    """The pages a test adds under the home page, taken away once its tabs have closed."""
    parent = home_page()
    before = set(StandardPage.objects.child_of(parent).values_list("pk", flat=True))
    yield parent
    for page in StandardPage.objects.child_of(parent).exclude(pk__in=before):
        page.delete()


def test_a_new_page_left_unsaved_leaves_nothing_behind_and_its_title_can_be_used_again(
    new_tab, live_site, pages_added_under_home
):
    tab = new_tab()
    sign_in(tab, live_site)
    parent = pages_added_under_home
    slugs = lambda: set(StandardPage.objects.child_of(parent).values_list("slug", flat=True))  # noqa: E731
    before = slugs()

    tab.goto(f"/admin/pages/add/portal/standardpage/{parent.pk}/")
    type_title(tab, "Half-written notice")
    tab.wait_for_timeout(2000)  # four times Wagtail's autosave interval
    assert slugs() == before  # no draft was made behind the editor's back
    tab.once("dialog", lambda dialog: dialog.accept())  # the browser warns before unsaved work is left
    tab.goto("/admin/")

    tab.goto(f"/admin/pages/add/portal/standardpage/{parent.pk}/")
    type_title(tab, "Half-written notice")
    tab.locator("footer").get_by_role("button", name="Save draft").click()
    # Saved at the first try: no slug is taken by the page left unsaved before.
    expect(tab.locator(".messages")).to_contain_text("Page 'Half-written notice' created.")
    page = StandardPage.objects.child_of(parent).get(slug="half-written-notice")
    assert urlsplit(tab.url).path == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
