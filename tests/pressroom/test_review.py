"""The press officers' review screen: the registration in full, the press card shown inline to
them only, the history with who and when, Beijing times with the zone named, and the decision."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from tests.kit import soup

from .conftest import PDF_BYTES, image_bytes

pytestmark = pytest.mark.django_db

ADMIN = "/admin/journalist_registrations/"
MOMENT = datetime.datetime(2026, 12, 1, 6, 5, 42, tzinfo=datetime.UTC)  # 14:05 in Beijing


def with_credential(registration, content, content_type, name):
    registration.credential_content_type = content_type
    registration.credential.save(name, ContentFile(content), save=True)
    return registration


@pytest.fixture
def registration():
    registration = JournalistRegistrationFactory(
        full_name="Amélie Dupont",
        outlet="Le Quotidien",
        email="amelie@example.org",
        press_card_number="FR-2026-118",
        language="en",
        created_at=MOMENT,
        confirmed_at=MOMENT,
    )
    InterviewRequestFactory(registration=registration, topic="Port logistics", preferred_dates="the first week")
    return with_credential(registration, image_bytes(), "image/png", "card.png")


def review(client, registration):
    return client.get(f"{ADMIN}edit/{registration.pk}/")


def test_the_list_opens_the_review_screen(client, registration, press_officer):
    client.force_login(press_officer)

    listing = soup(client.get(ADMIN))

    assert listing.find("a", href=f"{ADMIN}edit/{registration.pk}/", string=lambda s: registration.reference in s)


def test_the_review_screen_shows_everything_about_the_registration(client, registration, press_officer):
    client.force_login(press_officer)

    page = soup(review(client, registration))

    text = page.get_text(" ", strip=True)
    for shown in ("Amélie Dupont", "Le Quotidien", "amelie@example.org", "FR-2026-118", "Port logistics"):
        assert shown in text
    assert "the first week" in text
    assert "English" in text  # the language the journalist registered in
    assert "2026-12-01 14:05 (Beijing time)" in text  # submitted, in Beijing time, zone named
    assert "06:05" not in text


def test_the_press_card_image_is_shown_inline(client, registration, press_officer):
    client.force_login(press_officer)

    [scan] = soup(review(client, registration)).select("img.pr-review__scan")
    response = client.get(scan["src"])

    assert scan["src"] == f"/admin/pressroom/credentials/{registration.pk}/view/"
    assert scan["alt"]
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert b"".join(response.streaming_content) == registration.credential.open("rb").read()


def test_a_pdf_press_card_is_shown_in_a_frame_of_the_admin(client, press_officer):
    registration = with_credential(
        JournalistRegistrationFactory(status="submitted"), PDF_BYTES, "application/pdf", "card.pdf"
    )
    client.force_login(press_officer)

    page = review(client, registration)
    [frame] = soup(page).select("iframe.pr-review__pdf")
    response = client.get(frame["src"])

    assert frame["title"]
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The admin's policy lets the review screen frame its own site; the PDF loads nothing itself.
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'self'"


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_without_the_permission_get_403_for_the_press_card(client, registration, request, role):
    client.force_login(request.getfixturevalue(role))

    for url in (
        f"/admin/pressroom/credentials/{registration.pk}/view/",
        f"/admin/pressroom/credentials/{registration.pk}/",
    ):
        response = client.get(url)

        assert response.status_code == 403, url
        assert not hasattr(response, "streaming_content"), url


def test_anonymous_visitors_never_see_a_press_card(client, registration):
    response = client.get(f"/admin/pressroom/credentials/{registration.pk}/view/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_approving_from_the_review_screen_tells_the_journalist(client, registration, press_officer, mailoutbox):
    client.force_login(press_officer)
    buttons = {
        b["value"]: b.get_text(strip=True) for b in soup(review(client, registration)).select("button[name=status]")
    }

    response = client.post(f"{ADMIN}edit/{registration.pk}/", {"status": "approved", "rejection_reason": ""})

    assert buttons == {
        "approved": "Approve",
        "rejected": "Reject",
        "under_review": "Mark as under review",
        "withdrawn": "Withdraw",
    }
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "approved"
    [email] = [message for message in mailoutbox if message.to == ["amelie@example.org"]]
    assert registration.reference in email.subject and "Approved" in email.subject


def test_rejecting_needs_a_reason_and_says_so_on_the_review_screen(client, registration, press_officer, mailoutbox):
    client.force_login(press_officer)
    url = f"{ADMIN}edit/{registration.pk}/"

    refused = client.post(url, {"status": "rejected", "rejection_reason": "  "})
    registration.refresh_from_db()

    assert refused.status_code == 200
    assert "Give the journalist a reason for the rejection." in soup(refused).get_text()
    assert soup(refused).select_one("img.pr-review__scan")  # still the whole review screen
    assert registration.status == "submitted" and not mailoutbox

    client.post(url, {"status": "rejected", "rejection_reason": "The press card has expired."})
    registration.refresh_from_db()
    assert registration.status == "rejected"
    assert "The press card has expired." in mailoutbox[-1].body


def test_the_history_says_who_changed_the_status_and_when(client, registration, press_officer):
    registration.change_status("under_review", by=press_officer, notify=False)
    registration.status_changes.update(changed_at=MOMENT)
    client.force_login(press_officer)

    [entry] = soup(review(client, registration)).select(".pr-review__history li")

    text = entry.get_text(" ", strip=True)
    assert "2026-12-01 14:05 (Beijing time)" in text
    assert "Submitted → Under review" in text and press_officer.username in text


def test_a_closed_registration_offers_only_what_the_workflow_allows(client, registration, press_officer):
    registration.change_status("withdrawn", notify=False)
    client.force_login(press_officer)

    page = soup(review(client, registration))
    attempt = client.post(f"{ADMIN}edit/{registration.pk}/", {"status": "approved", "rejection_reason": ""})

    assert not page.select("button[name=status]")
    assert attempt.status_code == 200
    registration.refresh_from_db()
    assert registration.status == "withdrawn"


def test_the_review_screen_reads_in_a_constant_number_of_queries(client, registration, press_officer):
    client.force_login(press_officer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert review(client, registration).status_code == 200
        return len(captured)

    before = queries()
    for number in range(4):
        InterviewRequestFactory(registration=registration, topic=f"Topic {number}")
        registration.status_changes.create(from_status="submitted", to_status="under_review", changed_by=press_officer)

    assert queries() == before


def test_the_inspect_screen_shows_times_in_beijing_time(client, registration, press_officer):
    client.force_login(press_officer)

    text = soup(client.get(f"{ADMIN}inspect/{registration.pk}/")).get_text(" ", strip=True)

    assert "2026-12-01 14:05 (Beijing time)" in text and "Amélie Dupont" in text


def test_staff_are_offered_no_time_zone_but_beijing_time(client, press_officer):
    client.force_login(press_officer)

    page = client.get("/admin/account/")

    assert page.status_code == 200
    assert not soup(page).select("[name$=current_time_zone]")
