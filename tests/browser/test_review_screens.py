"""A press officer approves a journalist's registration from the review screen, where the press card
is shown inline (loaded through the permission-checked view, allowed by the admin's policy)."""

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from django.core.files.base import ContentFile

from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from pressroom.models import JournalistRegistration
from tests.kit import staff_user

from .conftest import save_screenshot, screenshots_written

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-2"  # noqa: S105


def press_card_png():
    image = Image.new("RGB", (480, 300), (235, 242, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle([12, 12, 468, 288], outline=(20, 40, 120), width=6)
    draw.text((40, 40), "PRESS CARD FR-2026-118", fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def registration(live_site):
    registration = JournalistRegistrationFactory(
        full_name="Amélie Dupont",
        outlet="Le Quotidien",
        email="amelie.browser@example.org",
        press_card_number="FR-2026-118",
        status="submitted",
    )
    InterviewRequestFactory(registration=registration, topic="Port logistics")
    registration.credential_content_type = "image/png"
    registration.credential.save("card.png", ContentFile(press_card_png()), save=True)
    yield registration
    registration.credential.delete(save=False)
    registration.delete()


@pytest.fixture
def press_officer(live_site):
    officer = staff_user("Press officers", username="browser-officer", password=PASSWORD)
    yield officer
    officer.delete()


def sign_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.press("#id_password", "Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


@pytest.mark.parametrize("width", [1440, 360])
def test_a_press_officer_approves_a_registration_from_the_review_screen(new_tab, registration, press_officer, width):
    tab = new_tab(viewport={"width": width, "height": 900})
    sign_in(tab, press_officer.username)

    tab.goto("/admin/journalist_registrations/")
    tab.get_by_role("link", name=registration.reference).click()

    # Everything on one screen: the journalist, the outlet, the card number, the requests, the scan.
    main = tab.locator("main")
    for shown in ("Amélie Dupont", "Le Quotidien", "FR-2026-118", "Port logistics", "(Beijing time)"):
        expect(main).to_contain_text(shown)
    scan = tab.locator("img.pr-review__scan")
    expect(scan).to_be_visible()
    scan.scroll_into_view_if_needed()
    assert scan.evaluate("image => image.complete && image.naturalWidth") == 480  # loaded, not refused
    save_screenshot(tab, f"admin-registration-review-{width}")

    tab.get_by_role("button", name="Approve", exact=True).click()

    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/journalist_registrations/")
    expect(tab.locator(".messages .success")).to_contain_text(registration.reference)
    registration.refresh_from_db()
    assert registration.status == JournalistRegistration.Status.APPROVED
    [change] = registration.status_changes.all()
    assert change.changed_by == press_officer
    screenshots_written()
