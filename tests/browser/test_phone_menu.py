"""The main menu on a phone sits behind a "Menu" button that works without JavaScript, and the
page's heading is on the first screen; on a desktop the whole menu shows on one row (issue 18)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_phone_the_menu_opens_from_its_button_without_javascript(new_tab, language):
    tab = new_tab(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    tab.goto(f"/{language}/cns/guides/")
    menu = tab.locator("#main-menu")
    button = tab.locator("summary.menu-toggle__button")

    expect(menu).to_be_hidden()
    heading = tab.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] <= 740, "the page's heading is on the first screen"
    expect(tab.locator(".site-search input")).to_be_visible()
    expect(tab.locator(".language-switcher a")).to_be_visible()

    button.click()
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link").first).to_be_visible()
    button.click()
    expect(menu).to_be_hidden()


def test_on_a_phone_the_menu_button_works_with_the_keyboard(new_tab):
    tab = new_tab(viewport={"width": 360, "height": 740})
    tab.goto("/en/")
    button = tab.locator("summary.menu-toggle__button")  # a <summary>: browsers announce its open state
    expect(button).to_have_attribute("aria-controls", "main-menu")
    expect(button).to_have_text("Menu")

    button.focus()
    tab.keyboard.press("Enter")
    expect(tab.locator("details.menu-toggle")).to_have_attribute("open", "")
    expect(tab.locator("#main-menu")).to_be_visible()
    tab.keyboard.press("Tab")
    expect(tab.locator(".site-search input")).to_be_focused()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_desktop_the_whole_menu_shows_on_one_row_without_a_button(new_tab, language):
    tab = new_tab(viewport={"width": 1440, "height": 900})
    tab.goto(f"/{language}/")

    expect(tab.locator("summary.menu-toggle__button")).to_be_hidden()
    tops = {round(link.bounding_box()["y"]) for link in tab.locator("#main-menu a").all()}
    assert len(tops) == 1, "every menu link on the same row"
