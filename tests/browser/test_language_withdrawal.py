"""A moderator withdraws a news article in Chinese only, from the page's header menu in the admin: the
Chinese news listing no longer shows it, the English page and listing still do, and the Chinese
address of the article says, in Chinese, where to read it."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from cns.models import ArticlePage, CNSHomePage
from portal.demotools import ensure_page
from portal.withdrawal import PageLanguageWithdrawal

from .conftest import save_screenshot, screenshots_written

pytestmark = pytest.mark.browser

TITLE_EN = "Marathon day: roads closed along the Bund"
TITLE_ZH = "马拉松比赛日外滩沿线道路封闭"


@pytest.fixture
def english_only_notice(live_site):
    """An article of its own, newest of the news, so that the first page of the listing shows it."""
    cns = CNSHomePage.objects.live().order_by("path").first()
    page = ensure_page(
        cns,
        ArticlePage,
        "marathon-road-closures",
        title_en=TITLE_EN,
        title_zh_hans=TITLE_ZH,
        intro_en="Which roads close on marathon morning, and when they open again.",
        intro_zh_hans="马拉松当天上午封闭的道路及恢复通行时间。",
        date=timezone.localdate(),  # the Office's today, not the machine's (UTC)
    )
    yield page
    page.delete()


def sign_in(tab, live_site):
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill(live_site.staff_username)
    tab.locator("#id_password").fill(live_site.staff_password)
    tab.locator("#id_password").press("Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


def news_listing(tab, language):
    tab.goto(f"/{language}/cns/news/")
    return tab.locator("main")


def test_a_moderator_withdraws_a_page_in_chinese_only(new_tab, live_site, english_only_notice):
    tab = new_tab()
    article = english_only_notice
    expect(news_listing(tab, "zh-hans")).to_contain_text(TITLE_ZH)

    sign_in(tab, live_site)
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    # The page's header menu ("Actions") holds Languages, beside Unpublish and History.
    tab.locator("header [data-w-dropdown-target='toggle']").first.click()
    tab.locator("[data-w-dropdown-target='content']").get_by_role("link", name="Languages").click()
    tab.wait_for_url(lambda url: urlsplit(url).path == f"/admin/pages/{article.pk}/languages/")
    english, chinese = tab.get_by_label("English"), tab.get_by_label("简体中文")
    expect(english).to_be_checked()
    expect(chinese).to_be_checked()
    chinese.uncheck()
    tab.get_by_role("button", name="Save").click()
    expect(tab.locator(".messages")).to_contain_text("is withdrawn in Simplified Chinese")
    assert PageLanguageWithdrawal.objects.filter(page=article, language="zh-hans").exists()

    # Visitors: gone from the Chinese news, still in the English news and at its English address.
    visitor = new_tab()
    expect(news_listing(visitor, "zh-hans")).not_to_contain_text(TITLE_ZH)
    expect(news_listing(visitor, "en")).to_contain_text(TITLE_EN)
    visitor.goto(f"/en/cns/{article.slug}/")
    expect(visitor.locator("h1")).to_have_text(TITLE_EN)
    # The switcher's Chinese entry leads to the Chinese home page, not to a page that is not there.
    expect(visitor.locator(".language-switcher a[hreflang='zh-hans']")).to_have_attribute("href", "/zh-hans/")

    # The Chinese address answers with a notice, in Chinese, linking to the English page.
    response = visitor.goto(f"/zh-hans/cns/{article.slug}/")
    assert response.status == 404
    assert visitor.locator("meta[name='robots']").get_attribute("content") == "noindex"
    link = visitor.locator("main ul.not-in-language a")
    expect(link).to_have_text(TITLE_EN)
    expect(link).to_have_attribute("lang", "en")
    for width in (360, 1440):
        visitor.set_viewport_size({"width": width, "height": 900})
        save_screenshot(visitor, f"withdrawn-in-chinese-{width}")
    link.click()
    expect(visitor.locator("h1")).to_have_text(TITLE_EN)

    # Shown in Chinese again from the same screen: the listing has it back.
    tab.goto(f"/admin/pages/{article.pk}/languages/")
    tab.get_by_label("简体中文").check()
    tab.get_by_role("button", name="Save").click()
    expect(tab.locator(".messages")).to_contain_text("is shown again in Simplified Chinese")
    expect(news_listing(visitor, "zh-hans")).to_contain_text(TITLE_ZH)
    tab.goto(f"/admin/pages/{article.pk}/history/")
    expect(tab.locator("main")).to_contain_text("Withdrawn in Simplified Chinese")
    expect(tab.locator("main")).to_contain_text("Shown again in Simplified Chinese")
    screenshots_written()
