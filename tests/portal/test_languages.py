import pytest

from portal.factories import StandardPageFactory
from tests.kit import UNTRANSLATED_NOTICE, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        ("zh-Hans", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_page_url_redirects_to_the_browsers_language(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About")

    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="zh-CN")

    assert response["Location"] == "/zh-hans/about/"


def test_switcher_leads_to_the_same_nested_page_in_the_other_language(client, home):
    section = StandardPageFactory(parent=home, slug="government", title_en="Government")
    StandardPageFactory(parent=section, slug="agencies", title_en="Agencies", title_zh_hans="机构")

    page = soup(client.get("/en/government/agencies/"))
    switcher = page.select_one("nav.language-switcher")
    chinese_link = switcher.find("a", hreflang="zh-hans")

    assert chinese_link["href"] == "/zh-hans/government/agencies/"
    assert chinese_link.get_text(strip=True) == "简体中文"
    assert switcher.find(attrs={"aria-current": "true"}).get_text(strip=True) == "English"

    chinese = client.get(chinese_link["href"])
    assert chinese.status_code == 200
    assert soup(chinese).h1.get_text(strip=True) == "机构"
    english_link = soup(chinese).select_one("nav.language-switcher").find("a", hreflang="en")
    assert english_link["href"] == "/en/government/agencies/"


@pytest.mark.parametrize(("prefix", "html_lang"), [("en", "en"), ("zh-hans", "zh-Hans")])
def test_html_lang_and_hreflang_alternates(client, home, prefix, html_lang):
    StandardPageFactory(parent=home, slug="about")

    page = soup(client.get(f"/{prefix}/about/"))

    assert page.html["lang"] == html_lang
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
    # At the configured site's address (SITE_URL), whatever host the request named.
    assert alternates == {
        "en": "http://localhost:8000/en/about/",
        "zh-hans": "http://localhost:8000/zh-hans/about/",
        "x-default": "http://localhost:8000/about/",
    }


def test_hreflang_alternates_never_take_the_requests_host(client, home):
    StandardPageFactory(parent=home, slug="about")

    page = soup(client.get("/en/about/", HTTP_HOST="127.0.0.1"))

    hrefs = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert hrefs and all(href.startswith("http://localhost:8000/") for href in hrefs)


def test_missing_chinese_falls_back_to_english_with_a_chinese_notice(client, home):
    StandardPageFactory(
        parent=home,
        slug="visitors",
        title_en="Visitors' centre",
        title_zh_hans="",
        intro_en="Where to find us.",
        intro_zh_hans="",
    )

    response = client.get("/zh-hans/visitors/")

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Visitors' centre"
    assert "Where to find us." in page.main.get_text()
    notice = page.select_one(".notice--translation")
    assert notice is not None
    assert "本页尚未译成中文" in notice.get_text()


def test_translated_page_shows_no_notice_in_either_language(client, home):
    StandardPageFactory(parent=home, slug="about", title_zh_hans="关于", intro_zh_hans="简介。")

    for prefix in ("en", "zh-hans"):
        page = soup(client.get(f"/{prefix}/about/"))
        assert UNTRANSLATED_NOTICE[prefix] not in page.get_text()


def test_interface_text_is_chinese_on_chinese_pages(client, home):
    page = soup(client.get("/zh-hans/"))

    assert page.select_one("a.skip-link").get_text(strip=True) == "跳到主要内容"
    assert "上海市人民政府新闻办公室" in page.select_one(".brand__name").get_text()
    # Without contact details the footer is headed by the Office's name (see footer.html).
    assert page.select_one("footer h2").get_text(strip=True) == "上海市人民政府新闻办公室"


def test_breadcrumbs_follow_the_page_tree(client, home):
    government = StandardPageFactory(parent=home, slug="government", title_en="Government")
    StandardPageFactory(parent=government, slug="agencies", title_en="Agencies")

    crumbs = soup(client.get("/en/government/agencies/")).select("nav.breadcrumbs li")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Home", "Government", "Agencies"]
    assert crumbs[0].a["href"] == "/en/"
    assert crumbs[-1].find(attrs={"aria-current": "page"}) is not None


def test_english_standing_in_for_a_missing_chinese_title_is_marked_english(client, home):
    government = StandardPageFactory(
        parent=home, slug="government", title_en="Government", title_zh_hans="", show_in_menus=True
    )
    StandardPageFactory(parent=home, slug="about", title_en="About", title_zh_hans="关于", show_in_menus=True)
    StandardPageFactory(parent=government, slug="agencies", title_en="Agencies", title_zh_hans="机构")

    chinese = soup(client.get("/zh-hans/government/agencies/"))
    menu = chinese.select_one("nav.main-menu")
    crumbs = chinese.select("nav.breadcrumbs li")

    # A screen reader reads the stand-in in English, not as Chinese; translated text is left alone.
    assert menu.find("a", string="Government")["lang"] == "en"
    assert not menu.find("a", string="关于").has_attr("lang")
    assert [(crumb.get_text(strip=True), crumb.get("lang")) for crumb in crumbs[1:]] == [
        ("Government", "en"),
        ("机构", None),
    ]
    english = soup(client.get("/en/government/agencies/"))
    assert not english.select("nav.main-menu [lang], nav.breadcrumbs [lang]")


@pytest.mark.parametrize(("code", "tag"), [("en", "en"), ("zh-hans", "zh-Hans"), ("ja", "ja"), ("pt-br", "pt-BR")])
def test_lang_attributes_use_the_bcp47_form_of_any_configured_language(code, tag):
    from portal.i18n import html_lang

    assert html_lang(code) == tag
