"""The admin sends a Content-Security-Policy of its own: what Wagtail's admin needs to work (inline
scripts and styles), and nothing from any other host; the site keeps its stricter one."""

import pytest

from django.core.files.base import ContentFile

from pressroom.factories import JournalistRegistrationFactory

from .conftest import png_bytes

pytestmark = pytest.mark.django_db


def policy(response):
    return {
        name: value.split()
        for name, _space, value in (
            directive.strip().partition(" ") for directive in response["Content-Security-Policy"].split(";")
        )
        if name
    }


def assert_nothing_from_other_hosts(directives):
    for name, sources in directives.items():
        if name.endswith("-src"):
            assert set(sources) <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}, name


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/"])
def test_the_admins_sign_in_pages_send_the_admin_policy(client, url):
    directives = policy(client.get(url))

    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert_nothing_from_other_hosts(directives)


def test_the_admins_editing_screens_send_it_too(client, users, home):
    client.force_login(users["editor"])

    for url in ("/admin/", f"/admin/pages/{home.pk}/edit/", "/admin/images/"):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert "'unsafe-inline'" in directives["script-src"], url
        assert_nothing_from_other_hosts(directives)


def test_the_site_keeps_its_own_stricter_policy(client, home):
    directives = policy(client.get("/en/"))

    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]


def test_a_credential_download_keeps_its_sandbox(client, users, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    registration = JournalistRegistrationFactory(status="submitted")
    registration.credential.save("card.png", ContentFile(png_bytes()), save=False)
    registration.credential_content_type = "image/png"
    registration.save()
    client.force_login(users["press_officer"])

    response = client.get(f"/admin/pressroom/credentials/{registration.pk}/")

    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
