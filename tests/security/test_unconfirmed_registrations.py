"""A registration whose email address is not confirmed yet is nobody's on staff to see: not its
page, nor its history, its usage or its press card scan, for press officers included."""

import pytest

from django.core.files.base import ContentFile

from pressroom.factories import JournalistRegistrationFactory

from .conftest import png_bytes

pytestmark = pytest.mark.django_db

ADMIN = "/admin/journalist_registrations/"


def with_scan(registration):
    registration.credential.save("card.png", ContentFile(png_bytes()), save=False)
    registration.credential_content_type = "image/png"
    registration.save()
    return registration


@pytest.fixture
def registrations(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return {
        "confirmed": with_scan(JournalistRegistrationFactory(status="submitted", full_name="Confirmed Reporter")),
        "unconfirmed": with_scan(
            JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None, full_name="Squatted Name")
        ),
    }


def urls(registration):
    pk = registration.pk
    return {
        "history": f"{ADMIN}history/{pk}/",
        "history results": f"{ADMIN}history-results/{pk}/",
        "usage": f"{ADMIN}usage/{pk}/",
        "credential download": f"/admin/pressroom/credentials/{pk}/",
        "inspect": f"{ADMIN}inspect/{pk}/",
        "edit": f"{ADMIN}edit/{pk}/",
    }


def test_press_officers_reach_nothing_of_an_unconfirmed_registration(client, users, registrations):
    client.force_login(users["press_officer"])

    for name, url in urls(registrations["unconfirmed"]).items():
        response = client.get(url, follow=True)

        assert response.status_code == 404, name
        assert b"Squatted Name" not in response.content, name
        assert b"\x89PNG" not in response.content, name


def test_press_officers_still_reach_a_confirmed_registration(client, users, registrations):
    client.force_login(users["press_officer"])

    for name, url in urls(registrations["confirmed"]).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("role", ["editor", "moderator", "feedback_handler"])
def test_other_staff_get_one_answer_for_every_registration(client, users, registrations, role):
    client.force_login(users[role])

    for name in urls(registrations["confirmed"]):
        answers = {
            (response.status_code, response.get("Location"))
            for response in (client.get(urls(registration)[name]) for registration in registrations.values())
        }
        missing = client.get(
            urls(registrations["unconfirmed"])[name].replace(str(registrations["unconfirmed"].pk), "987654")
        )

        assert answers == {(missing.status_code, missing.get("Location"))}, name
        assert missing.status_code in (302, 403), name
