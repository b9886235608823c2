"""While the database is away, visitors get a 503 page in their language that asks them to come back."""

import sqlite3
from unittest import mock

import psycopg
import pytest

from django.db import ConnectionHandler, InterfaceError, OperationalError, connection

from wagtail.models import Site

from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(
    params=[
        lambda: OperationalError("connection failed: Connection refused"),
        lambda: InterfaceError("connection already closed"),
        # Closing a server-side cursor lets the driver's own error through, unwrapped by
        # Django: the driver of the database the tests run on (psycopg or sqlite3).
        lambda: connection.Database.OperationalError("server closed the connection unexpectedly"),
    ],
    ids=["django-operational", "django-interface", "driver-operational"],
)
def database_down(request):
    with mock.patch.object(Site, "find_for_request", side_effect=request.param()):
        yield


@pytest.fixture
def visitor(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/", "The site is briefly unavailable"), ("/zh-hans/", "网站暂时无法访问")],
)
def test_a_page_that_needs_the_database_answers_503_in_the_visitors_language(
    visitor, home, database_down, path, heading
):
    response = visitor.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = soup(response, status=503)
    assert page.h1.get_text(strip=True) == heading
    assert page.find("a", class_="button")["href"] == path


SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
POSTGRESQL = {"ENGINE": "django.db.backends.postgresql", "NAME": "portal", "HOST": "127.0.0.1"}


@pytest.fixture
def replica_on_the_other_driver(settings):
    """A second configured database (a read replica) whose driver is not the default's.

    Only the error page sees it: nothing connects to it.
    """
    on_sqlite = connection.vendor == "sqlite"
    replica, driver = (POSTGRESQL, psycopg) if on_sqlite else (SQLITE, sqlite3)
    handler = ConnectionHandler({"default": settings.DATABASES["default"], "replica": replica})
    with mock.patch("portal.views.connections", handler):
        yield driver
    handler.close_all()


def test_a_lost_connection_to_any_configured_database_answers_503(visitor, home, replica_on_the_other_driver):
    lost = replica_on_the_other_driver.OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(Site, "find_for_request", side_effect=lost):
        response = visitor.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_another_error_of_that_driver_is_still_a_500(visitor, home, replica_on_the_other_driver):
    bug = replica_on_the_other_driver.IntegrityError("duplicate key value")
    with mock.patch.object(Site, "find_for_request", side_effect=bug):
        response = visitor.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_any_other_error_is_still_a_500(visitor, home):
    with mock.patch.object(Site, "find_for_request", side_effect=ValueError("a bug")):
        response = visitor.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_healthz_reports_an_unreachable_database(client):
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}
    assert "no-cache" in response["Cache-Control"]
