"""Journeys through the sections, in both languages, with the keyboard wherever a form or a
jump is involved: the agency directory, a guide, and a journalist's registration."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import translation

from agencies.models import AgencyIndexPage, AgencyPage
from cns.models import GuideIndexPage, GuidePage
from pressroom.models import PressroomPage

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans"]


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def title_in(page, language):
    return page.title_en if language == "en" else (page.title_zh_hans or page.title_en)


def focused(tab):
    return tab.evaluate(
        """() => {
            const el = document.activeElement;
            return {id: el.id, href: el.getAttribute('href'), tag: el.tagName.toLowerCase(), name: el.name,
                    type: el.type, form: el.form ? el.form.className : null,
                    method: el.form ? el.form.method : null};
        }"""
    )


def tab_until(tab, predicate, limit=60):
    """Press Tab until the focused element satisfies `predicate`; fail if it never does."""
    for _stop in range(limit):
        tab.keyboard.press("Tab")
        element = focused(tab)
        if predicate(element):
            return element
    pytest.fail(f"not reached with {limit} presses of Tab")


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_letter_profile_and_phone_link_by_keyboard(tab, language):
    agency = AgencyPage.objects.live().exclude(telephone="").order_by("path").first()
    assert agency is not None, "the demo content has no agency with a telephone number"
    directory = AgencyIndexPage.objects.live().first()
    profile_url = url_in(agency, language)

    tab.goto(url_in(directory, language))
    expect(tab.locator("h1")).to_have_text(title_in(directory, language))

    # Jump to the agency's letter from the A-Z bar: focus lands on the letter's heading.
    letter = tab.locator(f"section.az-group:has(a[href='{profile_url}']) h2")
    letter_id = letter.get_attribute("id")
    tab.locator(f"nav.az-bar a[href='#{letter_id}']").press("Enter")
    expect(tab).to_have_url(re.compile(f"#{re.escape(letter_id)}$"))  # the jump lands a moment later
    expect(letter).to_be_focused()
    expect(letter).to_be_in_viewport()

    # From the letter, Tab reaches the profile; Enter opens it.
    tab_until(tab, lambda element: element["href"] == profile_url, limit=30)
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{profile_url}")
    expect(tab.locator("h1")).to_have_text(title_in(agency, language))

    phone = tab.locator(".agency-contact a[href^='tel:']")
    expect(phone).to_have_text(agency.telephone_display)  # as Shanghai writes it: 021-2311 1111
    expect(phone).to_have_attribute("href", f"tel:{agency.telephone}")  # +86..., to dial from abroad
    tab_until(tab, lambda element: element["href"] == f"tel:{agency.telephone}")
    tab.keyboard.press("Enter")  # a phone would dial; the browser stays on the profile
    assert tab.url.endswith(profile_url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_the_guides_by_keyboard_and_open_one(tab, language):
    guide = GuidePage.objects.live().order_by("path").first()
    assert guide is not None, "the demo content has no guide"
    index = GuideIndexPage.objects.live().first()
    guide_url = url_in(guide, language)

    tab.goto(url_in(index, language))
    expect(tab.locator("h1")).to_have_text(title_in(index, language))

    # Choose the guide's category in the filter, and send the form, by keyboard alone.
    tab_until(tab, lambda element: element["name"] == "category")
    category_label = tab.locator(f"select[name=category] option[value='{guide.category}']").inner_text()
    tab.keyboard.press("ArrowDown")  # the first choice after "All categories"
    while tab.locator("select[name=category]").input_value() != guide.category:
        tab.keyboard.press("ArrowDown")
    tab_until(tab, lambda element: element["tag"] == "button")
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**?category={guide.category}*")
    expect(tab.locator(".cns-result-count")).to_contain_text(category_label)

    tab_until(tab, lambda element: element["href"] == guide_url)
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{guide_url}")
    expect(tab.locator("h1")).to_have_text(title_in(guide, language))
    assert tab.locator("ol.cns-steps > li").count() == len(guide.steps) > 0


def is_registration_submit(element):
    return element["type"] == "submit" and element["method"] == "post"


def type_into(tab, name, text):
    tab_until(tab, lambda element: element["name"] == name)
    tab.keyboard.type(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_journalist_registers_with_a_press_card_scan_by_keyboard_and_confirms(tab, axe, language, tmp_path):
    pressroom = PressroomPage.objects.live().first()
    register_url = url_in(pressroom, language) + pressroom.reverse_subpage("register")
    scan = tmp_path / "press-card.png"
    _write_press_card(scan)
    email = f"reporter-{language}@example.org"

    tab.goto(register_url)

    # Sending the empty form shows the errors, tied to their fields, in the visitor's language.
    tab_until(tab, is_registration_submit)
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()
    summary = tab.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(tab.locator("html")).to_have_attribute("lang", "en" if language == "en" else "zh-Hans")
    assert tab.locator("#id_full_name").get_attribute("aria-describedby") is not None
    assert axe(tab) == []

    # Filling it in from the top, by keyboard alone: Tab from field to field, Space for the box.
    type_into(tab, "full_name", "Ana Reporter")
    type_into(tab, "nationality", "Portugal")
    type_into(tab, "working_languages", "Portuguese, English")
    type_into(tab, "outlet", "Jornal Exemplo")
    type_into(tab, "outlet_country", "Portugal")
    type_into(tab, "position", "Correspondent")
    type_into(tab, "press_card_number", "PT-12345")
    tab_until(tab, lambda element: element["name"] == "credential_upload")
    # The file dialog that Space opens is the browser's own, not the portal's, and in one CI run
    # headless Chromium never opened it; what the portal owes the visitor is a file field that Tab
    # reaches, so the file is set on the focused field.
    tab.locator(":focus").set_input_files(scan)
    type_into(tab, "email", email)
    type_into(tab, "phone", "+351 21 000 0000")
    type_into(tab, "interviews-0-topic", "The city's international community centres")
    tab_until(tab, lambda element: element["name"] == "consent")
    tab.keyboard.press("Space")
    tab_until(tab, is_registration_submit)
    mail.outbox.clear()
    tab.keyboard.press("Enter")

    tab.wait_for_url(f"**{pressroom.reverse_subpage('register_sent')}")
    expect(tab.locator("html")).to_have_attribute("lang", "en" if language == "en" else "zh-Hans")

    # The emailed link leads to the confirmation, where one button sends the registration.
    assert [message.to for message in mail.outbox] == [[email]]
    link = re.search(r"https?://\S+/register/confirm/\S+/", mail.outbox[0].body).group(0)
    path = urlsplit(link).path  # the address the email gives is the public one; the path is the site's
    assert path.startswith(f"/{language}/")
    tab.goto(path)
    assert axe(tab) == []
    tab_until(tab, lambda element: element["type"] == "submit" and element["method"] == "post")
    tab.keyboard.press("Enter")
    tab.wait_for_load_state()
    reference = tab.locator(".pr-reference strong")
    expect(reference).to_have_text(re.compile(r"^PR-[A-Z0-9-]+$"))
    assert axe(tab) == []


def _write_press_card(path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 200), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 310, 190), outline="navy", width=4)
    image.save(path)
