"""A page behind a password (Wagtail's page privacy) asks for it on a page of the site, in the
visitor's language, shows nothing of the page until it is given, and limits the attempts."""

import pytest

from wagtail.models import PageViewRestriction

from portal.factories import StandardPageFactory
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed(home):
    page = StandardPageFactory(
        parent=home,
        slug="embargoed",
        title_en="Embargoed figures",
        title_zh_hans="保密数据",
        intro_en="The figures before their release.",
        intro_zh_hans="发布前的数据。",
        search_description_en="What the figures say.",
    )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="embargo")
    return page, restriction


def password_form(response):
    form = soup(response).select_one("main form")
    return form["action"], {field["name"]: field.get("value", "") for field in form.select("input[name]")}


def test_the_password_page_is_a_page_of_the_site_and_shows_nothing_of_the_protected_one(client, embargoed):
    response = client.get("/en/embargoed/")

    page = soup(response)
    assert page.select_one("header.site-header") and page.select_one("footer")
    assert page.h1.get_text(strip=True) == "This page needs a password"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    text = response.content.decode()
    assert "Embargoed figures" not in text and "The figures before" not in text and "What the figures say" not in text


def test_in_chinese_it_asks_in_chinese_with_full_width_punctuation(client, embargoed):
    page = soup(client.get("/zh-hans/embargoed/"))

    assert page.h1.get_text(strip=True) == "本页需要密码"
    assert page.select_one("main label").get_text(strip=True) == "密码"
    assert "保密数据" not in str(page)


def test_the_right_password_opens_the_page_and_a_wrong_one_says_so(client, embargoed):
    action, data = password_form(client.get("/en/embargoed/"))

    wrong = client.post(action, {**data, "password": "guess"})
    right = client.post(action, {**data, "password": "embargo"})

    assert wrong.status_code == 200
    assert "not correct" in soup(wrong).select_one("main").get_text()
    assert right.status_code == 302 and right["Location"] == "/en/embargoed/"
    assert "Embargoed figures" in client.get("/en/embargoed/").content.decode()


def test_past_the_limit_no_password_is_checked(client, embargoed, settings, empty_cache):
    settings.PAGE_PASSWORD_RATE = (3, 900)
    action, data = password_form(client.get("/zh-hans/embargoed/"))
    for _ in range(3):
        assert client.post(action, {**data, "password": "guess"}).status_code == 200

    refused = client.post(action, {**data, "password": "embargo"})

    assert refused.status_code == 429
    assert "尝试次数过多" in soup(refused, status=429).select_one(".error-summary").get_text()
    assert "保密数据" not in client.get("/zh-hans/embargoed/").content.decode()
