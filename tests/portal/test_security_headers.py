import pytest

from tests.kit import soup

pytestmark = pytest.mark.django_db


def test_public_pages_forbid_third_party_and_inline_script(client, home):
    response = client.get("/en/")

    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_carry_no_inline_script_or_style_attribute(client, home):
    page = soup(client.get("/en/"))

    executable = [s for s in page.find_all("script") if s.get("type") != "application/ld+json" and not s.get("src")]
    assert executable == []
    assert page.find(style=True) is None
