import xml.etree.ElementTree as ET

import pytest

from django.db import DatabaseError

from wagtail.models import Site

from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_live_page_in_both_languages_with_alternates(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    StandardPageFactory(parent=about, slug="history")
    StandardPageFactory(parent=home, slug="draft").unpublish()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = sorted(url.find("s:loc", NS).text for url in root.findall("s:url", NS))
    assert locations == sorted(
        f"http://testserver/{lang}/{path}" for lang in ("en", "zh-hans") for path in ("", "about/", "about/history/")
    )
    about_entry = next(
        url for url in root.findall("s:url", NS) if url.find("s:loc", NS).text == "http://testserver/zh-hans/about/"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in about_entry.findall("x:link", NS)}
    assert alternates == {
        "en": "http://testserver/en/about/",
        "zh-hans": "http://testserver/zh-hans/about/",
        "x-default": "http://testserver/about/",
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    site = Site.objects.get(is_default_site=True)
    assert f"Sitemap: {site.root_url}/sitemap.xml" in body  # the configured site, not the Host header


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def fail(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", fail)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_favicon_ico_is_served_as_an_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/vnd.microsoft.icon", "image/x-icon"}
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO file signature, not an HTML page
    assert "max-age" in response["Cache-Control"]


def test_pages_name_the_svg_icon_and_it_is_an_svg(client, home):
    from django.contrib.staticfiles import finders

    response = client.get("/en/")

    assert '<link rel="icon" href="/static/images/favicon.svg" type="image/svg+xml">' in response.content.decode()
    with open(finders.find("images/favicon.svg"), encoding="utf-8") as icon:
        assert icon.read().startswith("<svg ")
