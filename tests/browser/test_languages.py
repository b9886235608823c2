"""Switching language on a nested page, by mouse and by keyboard alone; the skip link."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Page

pytestmark = pytest.mark.browser

HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}
OTHER = {"en": "zh-hans", "zh-hans": "en"}


def deepest_translated_page():
    """The deepest live page with a title in both languages, and its path after the language prefix."""
    page = (
        Page.objects.live()
        .public()
        .filter(depth__gte=4)
        .exclude(title_zh_hans="")
        .exclude(title_zh_hans__isnull=True)
        .order_by("-depth", "path")
        .first()
    )
    assert page is not None, "the demo content has no nested page"
    return page, "/" + page.url_path.split("/", 2)[2]


def title_in(page, language):
    return page.title_en if language == "en" else page.title_zh_hans


def assert_shows(tab, page, language, rest):
    assert tab.url.endswith(f"/{language}{rest}")
    assert tab.locator("html").get_attribute("lang") == HTML_LANG[language]
    assert tab.locator("h1").first.inner_text().strip() == title_in(page, language)


def switcher_link(tab, language):
    return tab.locator(f"nav.language-switcher a[hreflang='{language}']")


@pytest.mark.parametrize("start", ["en", "zh-hans"])
def test_switching_language_on_a_nested_page_lands_on_the_same_page_and_back(tab, start):
    page, rest = deepest_translated_page()
    other = OTHER[start]
    tab.goto(f"/{start}{rest}")
    assert_shows(tab, page, start, rest)

    switcher_link(tab, other).click()
    tab.wait_for_url(f"**/{other}{rest}")
    assert_shows(tab, page, other, rest)

    switcher_link(tab, start).click()
    tab.wait_for_url(f"**/{start}{rest}")
    assert_shows(tab, page, start, rest)


def focused(tab):
    """What has the keyboard focus: its tag, id, classes, text, href, and whether it shows it."""
    return tab.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, classes: [...el.classList],
                text: el.innerText.trim(), href: el.getAttribute('href'),
                inMain: !!el.closest('main'), inSwitcher: !!el.closest('nav.language-switcher'),
                outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
                    && box.bottom <= innerHeight && box.right <= innerWidth,
            };
        }"""
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [360, 1440])
def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(tab, language, width):
    page, rest = deepest_translated_page()
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(f"/{language}{rest}")

    tab.keyboard.press("Tab")
    skip = focused(tab)
    assert "skip-link" in skip["classes"] and skip["href"] == "#main"
    assert skip["onScreen"] and skip["outlined"], "the focused skip link must be visible"

    tab.keyboard.press("Enter")
    # The jump to the fragment lands a moment after the key press: wait for it (a CI run once
    # read the address before it changed).
    expect(tab).to_have_url(re.compile(r"#main$"))
    expect(tab.locator("#main")).to_be_focused()
    tab.keyboard.press("Tab")
    assert focused(tab)["inMain"], "after the skip link, Tab goes on inside the main content"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [360, 1440])
def test_the_language_switcher_works_with_the_keyboard_alone(tab, language, width):
    page, rest = deepest_translated_page()
    other = OTHER[language]
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(f"/{language}{rest}")

    for _stop in range(6):
        tab.keyboard.press("Tab")
        stop = focused(tab)
        if stop["inSwitcher"]:
            break
    else:
        pytest.fail("the language switcher is not among the first six keyboard stops")
    assert stop["href"] == f"/{other}{rest}"
    assert stop["onScreen"] and stop["outlined"], "the focused switcher link must show its focus"

    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**/{other}{rest}")
    assert_shows(tab, page, other, rest)
