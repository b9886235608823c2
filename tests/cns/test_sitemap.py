import xml.etree.ElementTree as ET

import pytest

from cns.factories import TownshipFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_township_pages_and_listings_in_both_languages(client, cns):
    TownshipFactory(slug="huacao-town")

    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.find("s:loc", NS).text for url in root.findall("s:url", NS)}

    cns_path = cns.url_path.split("/", 2)[2]  # below the home page
    for language in ("en", "zh-hans"):
        base = f"http://testserver/{language}/{cns_path}"
        assert f"{base}townships/" in locations
        assert f"{base}townships/huacao-town/" in locations
        assert f"{base}for/residents/" in locations
        assert f"{base}events/" in locations
