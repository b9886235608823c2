"""A page withdrawn in one language (`portal.withdrawal`): live in the others, gone from the
withdrawn language's listings, search, sitemap, feeds and switcher, and its address there a notice."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest

from wagtail.models import PageLogEntry

from cns.factories import ArticlePageFactory, CNSHomePageFactory
from portal.factories import HomeFeaturedLinkFactory, StandardPageFactory
from portal.pagecache import current_generation
from portal.siteaddress import point_default_site
from portal.withdrawal import PageLanguageWithdrawal, hidden_languages, set_hidden_languages
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

SITE = "https://portal.example.gov.cn"


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """The page cache's generation lives in the cache."""


@pytest.fixture
def configured_site(settings, home):
    settings.SITE_URL = SITE
    return point_default_site(home)


@pytest.fixture
def cns(home):
    return CNSHomePageFactory(parent=home)


@pytest.fixture
def english_only(cns):
    """An English-only notice among the CNS news."""
    article = ArticlePageFactory(
        parent=cns,
        slug="road-closures",
        title_en="Road closures for the marathon",
        title_zh_hans="马拉松交通管制",
        date=datetime.date(2024, 5, 6),
    )
    set_hidden_languages(article, ["zh-hans"])
    return article


@pytest.fixture
def both_languages(cns):
    return ArticlePageFactory(
        parent=cns, slug="centre", title_en="Centre opens", title_zh_hans="中心开放", date=datetime.date(2024, 5, 1)
    )


def news_titles(client, language):
    page = soup(client.get(f"/{language}/cns/news/"))
    return [link.get_text(strip=True) for link in page.select("main a[href*='/cns/']")]


def test_the_news_listing_leaves_the_page_out_only_in_the_language_it_is_withdrawn_in(
    client, english_only, both_languages
):
    chinese = " ".join(news_titles(client, "zh-hans"))
    english = " ".join(news_titles(client, "en"))

    assert "中心开放" in chinese
    assert "马拉松交通管制" not in chinese
    assert "Road closures for the marathon" in english
    assert "Centre opens" in english


def test_the_english_page_stays_live(client, english_only):
    page = soup(client.get("/en/cns/road-closures/"))

    assert page.h1.get_text(strip=True) == "Road closures for the marathon"


def test_the_withdrawn_language_answers_with_a_notice_linking_to_the_shown_language(client, english_only):
    response = client.get("/zh-hans/cns/road-closures/")
    page = soup(response, status=404)

    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.html["lang"] == "zh-Hans"
    link = page.select_one("main ul.not-in-language a")
    assert link["href"] == "/en/cns/road-closures/"
    assert link["lang"] == "en"
    assert link.get_text(strip=True) == "Road closures for the marathon"
    assert "马拉松交通管制" not in page.select_one("main").get_text()


def test_the_switcher_and_hreflang_leave_out_the_withdrawn_language(client, english_only):
    page = soup(client.get("/en/cns/road-closures/"))

    chinese = page.select_one(".language-switcher a[hreflang='zh-hans']")
    assert chinese["href"] == "/zh-hans/"  # the Chinese home page, not a notice
    assert chinese.select_one(".language-switcher__note") is not None
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert set(alternates) == {"en", "x-default"}
    assert alternates["x-default"].endswith("/en/cns/road-closures/")
    assert page.select('meta[property="og:locale:alternate"]') == []


def test_a_page_shown_in_every_language_keeps_every_alternate(client, both_languages):
    page = soup(client.get("/en/cns/centre/"))

    alternates = {link["hreflang"] for link in page.select("link[rel=alternate]")}
    assert alternates == {"en", "zh-hans", "x-default"}
    assert [meta["content"] for meta in page.select('meta[property="og:locale:alternate"]')] == ["zh_CN"]
    assert page.select_one(".language-switcher a[hreflang='zh-hans']")["href"] == "/zh-hans/cns/centre/"


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_the_sitemap_lists_the_page_in_its_shown_languages_only(client, english_only, both_languages):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.find("s:loc", SITEMAP).text: url for url in root.findall("s:url", SITEMAP)}

    assert "http://testserver/en/cns/road-closures/" in urls
    assert "http://testserver/zh-hans/cns/road-closures/" not in urls
    assert "http://testserver/zh-hans/cns/centre/" in urls
    entry = urls["http://testserver/en/cns/road-closures/"]
    alternates = {link.get("hreflang") for link in entry.findall("x:link", SITEMAP)}
    assert alternates == {"en", "x-default"}


def read_feed(client, language):
    response = client.get(f"/{language}/cns/news/feed/")
    assert response.status_code == 200
    return feedparser.parse(response.content)


def test_the_news_feed_follows_the_withdrawal(client, configured_site, english_only, both_languages):
    assert [entry.title for entry in read_feed(client, "zh-hans").entries] == ["中心开放"]
    assert [entry.title for entry in read_feed(client, "en").entries] == [
        "Road closures for the marathon",
        "Centre opens",
    ]


def search_titles(client, language, query):
    page = soup(client.get(f"/{language}/search/", {"q": query}))
    return [" ".join(a.get_text().split()) for a in page.select("ol.search-results .search-result__title a")]


def test_search_does_not_find_the_page_in_the_withdrawn_language(client, home):
    StandardPageFactory(parent=home, slug="route", title_en="Marathon route", title_zh_hans="马拉松路线")
    withdrawn = StandardPageFactory(
        parent=home, slug="closures", title_en="Marathon closures", title_zh_hans="马拉松管制"
    )
    set_hidden_languages(withdrawn, ["zh-hans"])

    assert search_titles(client, "zh-hans", "马拉松") == ["马拉松路线"]
    assert sorted(search_titles(client, "en", "marathon")) == ["Marathon closures", "Marathon route"]


def test_the_main_menu_of_the_withdrawn_language_leaves_the_section_out(client, home):
    section = StandardPageFactory(
        parent=home, slug="notices", title_en="Notices", title_zh_hans="通知", show_in_menus=True
    )
    set_hidden_languages(section, ["zh-hans"])

    chinese = soup(client.get("/zh-hans/")).select_one("header").get_text()
    english = soup(client.get("/en/")).select_one("header").get_text()

    assert "通知" not in chinese
    assert "Notices" in english


def test_the_home_page_of_the_withdrawn_language_leaves_out_a_featured_link_to_the_page(client, home):
    notice = StandardPageFactory(parent=home, slug="notice", title_en="Notice", title_zh_hans="通知")
    set_hidden_languages(notice, ["zh-hans"])
    HomeFeaturedLinkFactory(
        home_page=home, title_en="Read the notice", title_zh_hans="阅读通知", link_page=notice, link_url=""
    )
    HomeFeaturedLinkFactory(home_page=home, title_en="Visas", title_zh_hans="签证")

    def featured(language):
        page = soup(client.get(f"/{language}/"))
        return [card.get_text(" ", strip=True) for card in page.select("#featured-heading ~ ul a")]

    assert featured("en") == ["Read the notice", "Visas"]
    assert featured("zh-hans") == ["签证"]


def test_a_breadcrumb_names_a_section_withdrawn_in_the_language_without_linking_to_it(client, home):
    section = StandardPageFactory(parent=home, slug="notices", title_en="Notices", title_zh_hans="通知")
    StandardPageFactory(parent=section, slug="closure", title_en="Closure", title_zh_hans="闭馆")
    set_hidden_languages(section, ["zh-hans"])

    def crumbs(language):
        trail = soup(client.get(f"/{language}/notices/closure/")).select_one("nav.breadcrumbs")
        return [(item.get_text(strip=True), item.a["href"] if item.a else None) for item in trail.select("li")]

    assert ("Notices", "/en/notices/") in crumbs("en")
    assert ("通知", None) in crumbs("zh-hans")


def test_a_page_must_stay_shown_in_one_language(home):
    page = StandardPageFactory(parent=home)

    with pytest.raises(ValueError):
        set_hidden_languages(page, ["en", "zh-hans"])
    assert not PageLanguageWithdrawal.objects.exists()


def test_withdrawing_and_showing_again_are_logged_and_purge_the_page_cache(home, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home)
    generation = current_generation()

    with django_capture_on_commit_callbacks(execute=True):
        set_hidden_languages(page, ["zh-hans"])
    assert current_generation() > generation
    with django_capture_on_commit_callbacks(execute=True):
        set_hidden_languages(page, [])

    actions = list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", "data"))
    assert actions[-2:] == [
        ("portal.language.withdraw", {"language": "zh-hans"}),
        ("portal.language.restore", {"language": "zh-hans"}),
    ]
    assert hidden_languages(type(page).objects.get(pk=page.pk)) == frozenset()


# The admin's Languages screen --------------------------------------------------------------


def test_a_moderator_withdraws_a_page_in_chinese_from_the_admin(client, english_only, both_languages):
    client.force_login(staff_user("Moderators", username="moderator"))
    page = both_languages

    form = soup(client.get(f"/admin/pages/{page.pk}/languages/"))
    assert {box["value"] for box in form.select("input[name=shown][checked]")} == {"en", "zh-hans"}
    response = client.post(f"/admin/pages/{page.pk}/languages/", {"shown": ["en"]})

    assert response.status_code == 302
    assert hidden_languages(type(page).objects.get(pk=page.pk)) == {"zh-hans"}
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Withdrawn in Simplified Chinese" in history


def test_the_languages_screen_refuses_no_language_with_a_message(client, both_languages):
    client.force_login(staff_user("Moderators", username="moderator"))

    response = client.post(f"/admin/pages/{both_languages.pk}/languages/", {})

    assert response.status_code == 200
    assert "Choose at least one language" in response.content.decode()
    assert not PageLanguageWithdrawal.objects.filter(page=both_languages).exists()


def test_an_unknown_language_is_a_form_error_not_a_500(client, both_languages):
    client.force_login(staff_user("Moderators", username="moderator"))

    response = client.post(f"/admin/pages/{both_languages.pk}/languages/", {"shown": ["xx"]})

    assert response.status_code == 200
    assert not PageLanguageWithdrawal.objects.exists()


def test_editors_who_may_not_publish_cannot_withdraw(client, both_languages):
    client.force_login(staff_user("Editors", username="editor"))

    response = client.post(f"/admin/pages/{both_languages.pk}/languages/", {"shown": ["en"]})

    assert response.status_code in (302, 403)
    assert not PageLanguageWithdrawal.objects.exists()


def test_the_news_listing_reads_the_withdrawals_in_no_query_per_article(client, cns, django_assert_max_num_queries):
    for number in range(3):
        article = ArticlePageFactory(parent=cns, slug=f"few-{number}", date=datetime.date(2024, 5, number + 1))
        set_hidden_languages(article, ["zh-hans"] if number % 2 else [])
    client.get("/zh-hans/cns/news/")
    with django_assert_max_num_queries(40) as few:
        client.get("/zh-hans/cns/news/")
    for number in range(12):
        article = ArticlePageFactory(parent=cns, slug=f"many-{number}", date=datetime.date(2024, 6, number + 1))
        set_hidden_languages(article, ["zh-hans"] if number % 2 else [])

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/zh-hans/cns/news/")
