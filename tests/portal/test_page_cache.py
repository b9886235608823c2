import gzip

import pytest

from devtools.frontdoor import FrontDoorClient
from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, empty_cache):
    settings.PAGE_CACHE_SECONDS = 300


def test_anonymous_visitors_get_the_cached_page(client, home):
    StandardPageFactory(parent=home, slug="about")

    first = client.get("/en/about/")
    second = client.get("/en/about/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_a_hit_goes_out_compressed_to_a_browser_that_accepts_gzip(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About")
    miss = client.get("/en/about/")

    compressed = client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get("/en/about/", HTTP_ACCEPT_ENCODING="identity")

    assert compressed["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == miss.content
    assert "Content-Encoding" not in plain and plain.content == miss.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(miss.content)
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert compressed["Content-Type"] == miss["Content-Type"]


def test_each_language_is_cached_on_its_own(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About", title_zh_hans="关于")
    client.get("/en/about/")

    chinese = client.get("/zh-hans/about/")

    assert chinese["X-Page-Cache"] == "miss"
    assert "关于" in chinese.content.decode()


def test_publishing_any_page_refreshes_cached_pages_in_both_languages(client, home):
    page = StandardPageFactory(
        parent=home, slug="about", title_en="Old title", title_zh_hans="旧标题", show_in_menus=True
    )
    for prefix in ("en", "zh-hans"):
        client.get(f"/{prefix}/")
        client.get(f"/{prefix}/about/")

    page.title_en, page.title_zh_hans = "New title", "新标题"
    page.save_revision().publish()

    assert "New title" in client.get("/en/about/").content.decode()
    assert "新标题" in client.get("/zh-hans/about/").content.decode()
    assert "New title" in client.get("/en/").content.decode()  # the menu of another page


def test_unpublished_page_is_gone_at_once(client, home):
    page = StandardPageFactory(parent=home, slug="about")
    client.get("/en/about/")

    page.unpublish()

    assert client.get("/en/about/").status_code == 404


def test_signed_in_staff_never_get_cached_pages(client, home, admin_user):
    StandardPageFactory(parent=home, slug="about")
    client.get("/en/about/")
    client.force_login(admin_user)

    response = client.get("/en/about/")

    assert "X-Page-Cache" not in response


def test_changing_the_offices_contact_refreshes_every_cached_footer(client, home):
    from portal.models import OfficeContact

    contact = OfficeContact.for_site(home.get_site())
    contact.telephone = "+86 21 0000 0001"
    contact.save()
    for prefix in ("en", "zh-hans"):
        client.get(f"/{prefix}/")

    contact.telephone = "+86 21 0000 0002"
    contact.save()

    for prefix in ("en", "zh-hans"):
        footer = client.get(f"/{prefix}/").content.decode()
        assert "+86 21 0000 0002" in footer and "+86 21 0000 0001" not in footer


def test_saving_a_draft_keeps_the_cached_pages(client, home):
    page = StandardPageFactory(parent=home, slug="about", title_en="Published title")
    client.get("/en/about/")

    page.title_en = "Draft title"
    page.save_revision()

    again = client.get("/en/about/")
    assert again["X-Page-Cache"] == "hit"
    assert "Published title" in again.content.decode()


def test_a_hit_sends_the_headers_of_the_page_it_copies(client, home, settings):
    """A hit is answered before Django's middleware runs: the headers it added (security,
    CSP, permissions, frame options) come from the stored page."""
    settings.SECURE_HSTS_SECONDS = 3600
    StandardPageFactory(parent=home, slug="about")
    miss = client.get("/en/about/", secure=True, HTTP_ACCEPT_ENCODING="identity")

    hit = client.get("/en/about/", secure=True, HTTP_ACCEPT_ENCODING="identity")

    assert hit["X-Page-Cache"] == "hit"
    sent = {name.lower(): value for name, value in hit.items() if name.lower() not in ("x-page-cache",)}
    assert sent == {name.lower(): value for name, value in miss.items() if name.lower() not in ("x-page-cache",)}
    assert "Strict-Transport-Security" in hit and "X-Frame-Options" in hit


def test_a_hit_to_a_head_request_has_no_body(client, home):
    StandardPageFactory(parent=home, slug="about")
    page = client.get("/en/about/", HTTP_ACCEPT_ENCODING="identity")

    head = client.head("/en/about/", HTTP_ACCEPT_ENCODING="identity")

    assert head["X-Page-Cache"] == "hit"
    assert head.content == b"" and int(head["Content-Length"]) == len(page.content)


def test_the_cache_never_answers_what_django_would_refuse_or_redirect(client, home, settings):
    StandardPageFactory(parent=home, slug="about")
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"

    assert client.get("/en/about/", HTTP_HOST="attacker.example").status_code == 400
    settings.SECURE_SSL_REDIRECT = True
    browser = FrontDoorClient()  # Django's middleware reads the setting as it starts
    assert browser.get("/en/about/").status_code == 301  # to https, as Django's SecurityMiddleware does
    assert browser.get("/en/about/", secure=True)["X-Page-Cache"] == "hit"
