"""While the database is away, visitors get a 503 page in their language that asks them to come back."""

from unittest import mock

import psycopg
import pytest
from bs4 import BeautifulSoup

from django.db import InterfaceError, OperationalError

from wagtail.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture(
    params=[
        OperationalError("connection failed: Connection refused"),
        InterfaceError("connection already closed"),
        # Closing a server-side cursor lets the driver's own error through, unwrapped by Django.
        psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly"),
    ],
    ids=["django-operational", "django-interface", "driver-operational"],
)
def database_down(request):
    with mock.patch.object(Site, "find_for_request", side_effect=request.param):
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
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == heading
    assert page.find("a", class_="button")["href"] == path


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
