import pytest

from django.core.files.base import ContentFile

from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from pressroom.models import JournalistRegistration
from tests.kit import soup

pytestmark = pytest.mark.django_db

ADMIN = "/admin/journalist_registrations/"


@pytest.fixture
def registration():
    registration = JournalistRegistrationFactory(
        full_name="Amélie Dupont", outlet="Le Quotidien", email="amelie@example.org"
    )
    InterviewRequestFactory(registration=registration, topic="Port logistics")
    registration.credential_content_type = "image/png"
    registration.credential.save("card.png", ContentFile(b"\x89PNG\r\n\x1a\nscan"), save=True)
    return registration


def registration_urls(registration):
    return {
        "index": ADMIN,
        "search": f"{ADMIN}?q=Dupont",
        "inspect": f"{ADMIN}inspect/{registration.pk}/",
        "edit": f"{ADMIN}edit/{registration.pk}/",
        "history": f"{ADMIN}history/{registration.pk}/",
        "export": f"{ADMIN}?export=csv",
        "credential": f"/admin/pressroom/credentials/{registration.pk}/",
    }


def shows_personal_data(response):
    return (
        b"Dupont" in response.content or b"amelie@example.org" in response.content or b"scan" == response.content[-4:]
    )


def test_anonymous_visitors_are_sent_to_the_login_from_every_registration_url(client, registration):
    for name, url in registration_urls(registration).items():
        response = client.get(url)

        assert response.status_code == 302, name
        assert "/admin/login/" in response["Location"], name


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_see_nothing_of_registrations(client, registration, request, role):
    client.force_login(request.getfixturevalue(role))

    for name, url in registration_urls(registration).items():
        response = client.get(url)

        assert response.status_code in (302, 403), name
        assert not shows_personal_data(response), name


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_have_no_menu_item_and_cannot_change_a_status(client, registration, request, role):
    client.force_login(request.getfixturevalue(role))

    dashboard = client.get("/admin/")
    attempt = client.post(registration_urls(registration)["edit"], {"status": "approved"})

    assert dashboard.status_code == 200
    assert b"Journalist registrations" not in dashboard.content
    assert attempt.status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.status == "submitted"


def test_press_officer_lists_searches_and_filters_confirmed_registrations(client, registration, press_officer):
    JournalistRegistrationFactory(full_name="Unconfirmed Person", status="unconfirmed", confirmed_at=None)
    JournalistRegistrationFactory(full_name="Approved Person", status="approved")
    client.force_login(press_officer)

    listing = client.get(ADMIN)
    search = client.get(f"{ADMIN}?q=Quotidien")
    approved = client.get(f"{ADMIN}?status=approved")
    dashboard = client.get("/admin/")

    assert listing.status_code == 200
    assert b"Amelie" in listing.content or "Amélie Dupont" in listing.content.decode()
    assert b"Unconfirmed Person" not in listing.content
    assert "Amélie Dupont" in search.content.decode() and b"Approved Person" not in search.content
    assert b"Approved Person" in approved.content and "Amélie Dupont" not in approved.content.decode()
    assert b"Journalist registrations" in dashboard.content


def test_press_officer_inspects_a_registration_with_requests_history_and_credential(
    client, registration, press_officer
):
    client.force_login(press_officer)

    page = client.get(registration_urls(registration)["inspect"])
    download = client.get(registration_urls(registration)["credential"])

    text = soup(page).get_text()
    assert "Port logistics" in text and registration.reference in text
    assert f'href="/admin/pressroom/credentials/{registration.pk}/"' in page.content.decode()
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"\x89PNG\r\n\x1a\nscan"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_the_history_screen_lists_the_status_changes_newest_first(client, registration, press_officer):
    registration.change_status("under_review", by=press_officer, notify=False)
    registration.change_status("rejected", by=press_officer, reason="The press card has expired.", notify=False)
    client.force_login(press_officer)

    page = soup(client.get(registration_urls(registration)["history"]))

    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in page.select("tbody tr")]
    assert [row[0] for row in rows] == ["Under review → Rejected", "Submitted → Under review"]
    assert rows[0][1] == press_officer.get_username() and rows[0][3] == "The press card has expired."
    assert "(Beijing time)" in page.select_one("thead").get_text(" ", strip=True)
    assert "No log entries" not in page.get_text()


def test_press_officer_exports_csv(client, registration, press_officer):
    client.force_login(press_officer)

    response = client.get(registration_urls(registration)["export"])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Amélie Dupont" in content and registration.reference in content


def test_rejecting_needs_a_reason_and_emails_it(client, registration, press_officer, mailoutbox):
    client.force_login(press_officer)
    url = registration_urls(registration)["edit"]

    without = client.post(url, {"status": "rejected", "rejection_reason": ""})
    registration.refresh_from_db()
    assert without.status_code == 200 and registration.status == "submitted"

    client.post(url, {"status": "rejected", "rejection_reason": "The press card has expired."})
    registration.refresh_from_db()
    assert registration.status == "rejected" and registration.closed_at
    assert "The press card has expired." in mailoutbox[-1].body
    change = registration.status_changes.get()
    assert change.changed_by == press_officer and change.note == "The press card has expired."


def test_a_status_cannot_jump_where_the_workflow_does_not_go(client, registration, press_officer):
    registration.change_status("withdrawn", notify=False)
    client.force_login(press_officer)

    response = client.post(registration_urls(registration)["edit"], {"status": "approved", "rejection_reason": ""})

    registration.refresh_from_db()
    assert registration.status == "withdrawn"
    assert response.status_code == 200


def test_nobody_adds_or_deletes_registrations_in_the_admin(client, registration, press_officer, admin_client):
    client.force_login(press_officer)

    assert client.get(f"{ADMIN}new/").status_code in (302, 403)
    assert client.post(f"{ADMIN}delete/{registration.pk}/").status_code in (302, 403)
    assert admin_client.get(f"{ADMIN}new/").status_code in (302, 403)
    assert JournalistRegistration.objects.filter(pk=registration.pk).exists()


def test_credentials_are_not_under_the_public_media_url(client, registration, settings):
    assert not str(registration.credential.path).startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{registration.credential.name}").status_code == 404


def test_csv_export_defuses_spreadsheet_formulas(client, press_officer):
    JournalistRegistrationFactory(outlet='=HYPERLINK("http://evil.example","x")')
    client.force_login(press_officer)

    content = b"".join(client.get(f"{ADMIN}?export=csv").streaming_content).decode()

    assert "'=HYPERLINK" in content


def test_editors_may_keep_press_topics(editor, moderator):
    for user in (editor, moderator):
        assert user.has_perm("pressroom.add_presstopic") and user.has_perm("pressroom.change_presstopic")
        assert not user.has_perm("pressroom.view_journalistregistration")


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_staff_without_the_permission_cannot_tell_unconfirmed_registrations_from_others(client, request, role):
    confirmed = JournalistRegistrationFactory(status="submitted")
    unconfirmed = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None)
    client.force_login(request.getfixturevalue(role))

    for name in ("edit", "inspect"):
        answers = {
            client.get(registration_urls(registration)[name]).status_code for registration in (confirmed, unconfirmed)
        }
        missing = client.get(registration_urls(unconfirmed)[name].replace(str(unconfirmed.pk), "987654")).status_code

        assert answers == {missing}, name
        assert missing in (302, 403), name


def test_press_officers_do_not_find_unconfirmed_registrations(client, press_officer):
    unconfirmed = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None)
    client.force_login(press_officer)

    for name in ("edit", "inspect"):
        assert client.get(registration_urls(unconfirmed)[name], follow=True).status_code == 404, name
