"""Refused requests get the site's own page in the visitor's language: a bad request (400), no
permission (403), a form without its CSRF token (403) and a body too large (413).

Requests refused before any view runs must not need the database, nor a language chosen by
LocaleMiddleware: the tests without `db` below fail on any query, and a thread's stale language
(the one it served last) must not leak into the page.
"""

import pytest

from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext

from portal import urls as portal_urls
from tests.kit import soup

LANGUAGES = {"en": "en", "zh-hans": "zh-Hans"}
FORM = "cns/feedback/"


def refused_without_permission(request, language):
    raise PermissionDenied


# The portal's URLs and handlers, and one view that refuses everyone.
urlpatterns = [path("<str:language>/forbidden/", refused_without_permission), *portal_urls.urlpatterns]
handler400, handler403 = portal_urls.handler400, portal_urls.handler403


def in_language(code, text):
    with translation.override(code):
        return gettext(text)


def assert_site_page(response, code, status, heading):
    page = soup(response, status=status)
    assert page.html["lang"] == LANGUAGES[code]
    assert page.find("header", class_="site-header") is not None
    assert page.find("footer", class_="site-footer") is not None
    assert page.find("h1").get_text(strip=True) == in_language(code, heading)
    assert in_language(code, "Information Office of Shanghai Municipality") in page.get_text()
    assert page.find("a", class_="button")["href"] == f"/{code}/"
    assert "DEBUG" not in response.content.decode()


@pytest.fixture(autouse=True)
def stale_language():
    """Whatever this thread served last: English, so that a Chinese page proves it chose its own."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_form_sent_without_its_csrf_token_gets_the_sites_page(code):
    response = Client(enforce_csrf_checks=True).post(f"/{code}/{FORM}", {"message": "Hello"})

    assert_site_page(response, code, 403, "Your form could not be sent")


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_request_for_a_host_that_is_not_allowed_gets_the_sites_400_page(code, settings):
    # With the page cache on, the host is read in the first middleware, before LocaleMiddleware.
    settings.PAGE_CACHE_SECONDS = 300

    response = Client().get(f"/{code}/", HTTP_HOST="attacker.example")

    assert_site_page(response, code, 400, "The request could not be understood")


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_body_too_large_gets_the_sites_413_page(code, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32  # so that the CSRF check reads the body

    response = client.post(f"/{code}/{FORM}", {"message": "x" * 5000})

    assert_site_page(response, code, 413, "What you sent is too large")


def test_too_many_fields_get_the_413_page_too(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32

    response = client.post(f"/zh-hans/{FORM}", {f"field{number}": "x" for number in range(20)})

    assert_site_page(response, "zh-hans", 413, "What you sent is too large")


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
@override_settings(ROOT_URLCONF=__name__)
def test_a_permission_refused_gets_the_sites_403_page(client, code):
    response = client.get(f"/{code}/forbidden/")

    assert_site_page(response, code, 403, "Access denied")


def test_the_portal_declares_its_error_handlers():
    assert portal_urls.handler400 == "portal.views.bad_request"
    assert portal_urls.handler403 == "portal.views.permission_denied"
