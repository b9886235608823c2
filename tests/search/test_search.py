import pytest

from django.db import connection

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from portal.search.models import PageSearchEntry
from tests.kit import soup

from .conftest import paragraphs, result_links, result_titles

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="word segmentation and stemming are PostgreSQL's"
)


def test_chinese_word_inside_an_unspaced_sentence_is_found(make_page, search):
    make_page(
        "economy",
        title_en="Commission of Economy and Informatization",
        title_zh="经济和信息化委员会",
        body_zh=["负责统筹推进全市信息化建设，规划工业和软件产业的发展。"],
    )
    make_page("press", title_en="Press", title_zh="新闻发布", body_zh=["组织市政府新闻发布会，发布政务信息。"])

    page = search("信息化", "zh-hans")

    assert result_titles(page) == ["经济和信息化委员会"]


def test_chinese_words_are_matched_as_words_not_as_characters(make_page, search):
    make_page(
        "permit", title_en="Work permits", title_zh="外国人来华工作许可", body_zh=["外国人在本市工作须办理工作许可。"]
    )
    # Every character of 工作许可 is here, but not the word: 工人 作家 许多 可以.
    make_page("scatter", title_en="Scattered", title_zh="工人作家", body_zh=["外国人也可以读许多作品。"])

    page = search("外国人 工作许可", "zh-hans")

    assert result_titles(page) == ["外国人来华工作许可"]


@postgres_only
def test_chinese_query_word_matches_when_the_page_splits_it_differently(make_page, search):
    make_page("permit", title_zh="办理须知", body_zh=["来华人员须先取得工作许可证，再申请居留。"])

    assert result_titles(search("工作许可", "zh-hans")) == ["办理须知"]


@postgres_only
def test_english_query_is_stemmed(make_page, search):
    make_page("register", title_en="Journalists", body_en=["Online registration for foreign journalists opens in May."])
    make_page("other", title_en="Museums", body_en=["Opening hours of the city's museums."])

    assert result_titles(search("registering")) == ["Journalists"]
    assert result_titles(search("registrations")) == ["Journalists"]


def test_results_come_only_from_the_visitors_language(make_page, search):
    make_page("english-only", title_en="Visa extension", body_en=["How to extend a visa."])
    make_page("both", title_en="Residence permit", title_zh="居留许可", body_en=["Visa types."], body_zh=["签证种类。"])

    assert sorted(result_titles(search("visa"))) == ["Residence permit", "Visa extension"]
    # The English-only page has no Chinese text, so Chinese visitors never get it, even for
    # an English word; and Chinese words find nothing on the English side.
    assert result_titles(search("visa", "zh-hans")) == []
    assert result_titles(search("extension", "zh-hans")) == []
    assert result_titles(search("签证", "zh-hans")) == ["居留许可"]
    assert result_titles(search("签证")) == []


def test_result_links_carry_the_visitors_language(make_page, search):
    make_page("permit", title_en="Work permit", title_zh="工作许可")

    assert result_links(search("permit")) == ["/en/permit/"]
    assert result_links(search("工作许可", "zh-hans")) == ["/zh-hans/permit/"]


def test_matched_words_are_highlighted_in_title_and_snippet(make_page, search):
    make_page(
        "permit",
        title_en="Work permit for foreigners",
        title_zh="外国人工作许可",
        body_en=["Apply for a work permit before you start the job."],
        body_zh=["外国人入境后须在规定时间内申请工作许可。"],
    )

    english = search("permit").select_one(".search-result")
    chinese = search("工作许可", "zh-hans").select_one(".search-result")

    assert [mark.get_text() for mark in english.select(".search-result__title mark")] == ["permit"]
    assert [mark.get_text() for mark in english.select(".search-result__snippet mark")] == ["permit"]
    assert [mark.get_text() for mark in chinese.select(".search-result__title mark")] == ["工作许可"]
    assert [mark.get_text() for mark in chinese.select(".search-result__snippet mark")] == ["工作许可"]


def test_page_text_is_escaped_around_the_highlight(make_page, search):
    make_page(
        "code", title_en="Markup <b>notes</b>", body_en=["Write &lt;script&gt;alert(1)&lt;/script&gt; notes here."]
    )

    result = search("notes").select_one(".search-result")

    assert result.select_one("script") is None and result.select_one(".search-result__title b") is None
    assert "<script>alert(1)</script>" in result.select_one(".search-result__snippet").get_text()


def test_each_result_names_its_section_in_the_visitors_language(make_page, search):
    make_page("permit", title_en="Work permit", title_zh="工作许可")

    assert search("permit").select_one(".search-result__section").get_text(strip=True) == "Standard page"
    chinese_label = search("工作许可", "zh-hans").select_one(".search-result__section").get_text(strip=True)
    assert chinese_label and chinese_label != "Standard page"


def test_section_filter_narrows_results_to_one_page_type(home, make_page, search):
    home.hero_intro_en = "Everything about the harbour."
    home.save_revision().publish()
    make_page("harbour", title_en="The harbour", body_en=["Ferries cross the harbour."])

    everything = search("harbour")
    filters = {a.get_text(" ", strip=True): a["href"] for a in everything.select(".search-sections a")}
    narrowed = search("harbour", section="portal.standardpage")

    assert len(result_titles(everything)) == 2
    assert filters["Standard page (1)"].endswith("section=portal.standardpage")
    assert "All sections (2)" in filters
    assert result_titles(narrowed) == ["The harbour"]
    assert narrowed.select_one(".search-sections a[aria-current]").get_text(" ", strip=True) == "Standard page (1)"


def test_unknown_section_shows_every_section(make_page, search):
    make_page("harbour", title_en="The harbour")

    assert result_titles(search("harbour", section="nope.nothing")) == ["The harbour"]


def test_results_are_paginated(make_page, search):
    for number in range(12):
        make_page(f"ferry-{number}", title_en=f"Ferry line {number}", body_en=["Ferry timetable."])

    first = search("ferry")
    second = search("ferry", page=2)

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert first.select_one("nav.pagination a[rel=next]")["href"].endswith("page=2")
    assert second.select_one("ol.search-results")["start"] == "11"
    assert result_titles(search("ferry", page="abc")) == result_titles(first)


def test_empty_result_offers_tips_main_sections_and_the_other_language(make_page, search):
    make_page("about", title_en="About the Office", title_zh="关于新闻办", show_in_menus=True)
    make_page("harbour", title_en="Harbour", title_zh="港口", body_zh=["浦江游览。"])

    page = search("浦江")
    empty = page.select_one(".search-empty")

    assert result_titles(page) == []
    assert empty.select(".search-tips li")
    assert [a.get_text(strip=True) for a in empty.select(".search-main-sections a")] == ["About the Office"]
    other = empty.select_one("a[hreflang=zh-hans]")
    assert other["href"].startswith("/zh-hans/search/?q=")
    assert result_titles(search("浦江", "zh-hans")) == ["港口"]


def test_no_page_with_every_word_falls_back_to_pages_with_some(make_page, search):
    make_page("ferry", title_en="Ferry", body_en=["Ferry timetable."])

    page = search("ferry zeppelin")

    assert result_titles(page) == ["Ferry"]
    assert page.select_one(".notice")


def test_search_page_without_query_shows_the_form(search):
    page = search("")

    assert page.select_one("form.search-form label[for=id_q]")
    assert page.select_one(".search-summary") is None


def test_overlong_query_is_refused_with_a_message_in_the_visitors_language(search):
    english = search("x" * 201, status=400)
    chinese = search("字" * 201, "zh-hans", status=400)

    def error(page):
        return page.find(id=page.select_one("#id_q[aria-invalid=true]")["aria-describedby"]).get_text()

    assert "200" in error(english)
    assert error(chinese) != error(english)


@pytest.mark.parametrize(
    ("language", "label", "button"), [("en", "Search the site", "Search"), ("zh-hans", "搜索本站", "搜索")]
)
def test_every_page_has_a_labelled_search_form_in_its_language(client, home, language, label, button):
    page = soup(client.get(f"/{language}/"))

    form = page.select_one("header form[role=search]")
    field = form.select_one("input[name=q]")
    assert form["action"] == f"/{language}/search/"
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True) == label
    assert form.select_one("button[type=submit]").get_text(strip=True) == button


# --- Editors' promotions ---------------------------------------------------------------


def promote(page, query, description=""):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, description=description)


def test_promoted_page_comes_first_for_its_query_in_each_language(make_page, search):
    guide = make_page("visa-guide", title_en="Visa guide", title_zh="签证指南")
    promote(guide, "visa", description="Everything about visas, step by step.")
    promote(guide, "签证", description="一步一步办理签证。")

    english = search("visa").select_one(".search-promotions")
    chinese = search("签证", "zh-hans").select_one(".search-promotions")

    assert english.select_one("a").get_text(strip=True) == "Visa guide"
    assert english.select_one("a")["href"] == "/en/visa-guide/"
    assert "step by step" in english.get_text()
    assert chinese.select_one("a").get_text(strip=True) == "签证指南"
    assert "一步一步" in chinese.get_text()


def test_promotion_description_in_the_other_language_is_not_shown(make_page, search):
    guide = make_page("visa-guide", title_en="Visa guide", title_zh="签证指南")
    promote(guide, "visa", description="Everything about visas.")

    chinese = search("visa", "zh-hans").select_one(".search-promotions")

    assert chinese.select_one("a").get_text(strip=True) == "签证指南"
    assert "Everything" not in chinese.get_text()


def test_promotion_of_an_unpublished_page_is_not_shown(make_page, search):
    guide = make_page("visa-guide", title_en="Visa guide")
    promote(guide, "visa")
    guide.unpublish()

    page = search("visa")
    assert page.find("h2", string="Recommended") is None
    assert "Visa guide" not in page.get_text()


# --- The index follows publishing ---------------------------------------------------------


def test_unpublished_page_is_never_found(make_page, search):
    page = make_page("ferry", title_en="Ferry", title_zh="轮渡")
    page.unpublish()

    assert result_titles(search("ferry")) == []
    assert result_titles(search("轮渡", "zh-hans")) == []
    assert not PageSearchEntry.objects.filter(page=page).exists()

    page.save_revision().publish()

    assert result_titles(search("ferry")) == ["Ferry"]
    assert result_titles(search("轮渡", "zh-hans")) == ["轮渡"]


def test_draft_created_unpublished_is_not_found(home, search):
    from portal.factories import StandardPageFactory

    StandardPageFactory(parent=home, slug="draft", title_en="Secret ferry", live=False)

    assert result_titles(search("ferry")) == []


def test_private_page_is_not_found(make_page, search):
    page = make_page("ferry", title_en="Ferry")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")

    assert result_titles(search("ferry")) == []


def test_publishing_new_text_updates_both_languages(make_page, search):
    page = make_page("ferry", title_en="Ferry", title_zh="轮渡", body_en=["Timetable."], body_zh=["时刻表。"])

    page.body_en = paragraphs("Night boats now run until midnight.")
    page.body_zh_hans = paragraphs("夜航班次延长至午夜。")
    revision = page.save_revision()

    # A draft is not what visitors read: not searchable until published.
    assert result_titles(search("midnight")) == []
    revision.publish()

    assert result_titles(search("midnight")) == ["Ferry"]
    assert result_titles(search("午夜", "zh-hans")) == ["轮渡"]
    assert result_titles(search("timetable")) == []
    assert result_titles(search("时刻表", "zh-hans")) == []


def test_deleted_page_leaves_the_index(make_page, search):
    page = make_page("ferry", title_en="Ferry", title_zh="轮渡")
    page_id = page.pk

    page.delete()

    assert not PageSearchEntry.objects.filter(page_id=page_id).exists()
    assert result_titles(search("ferry")) == []


def test_update_index_rebuilds_the_site_index(make_page, search):
    from django.core.management import call_command

    make_page("ferry", title_en="Ferry", title_zh="轮渡")
    PageSearchEntry.objects.all().delete()

    call_command("update_index", backend_name="site", verbosity=0)

    assert result_titles(search("ferry")) == ["Ferry"]
    assert result_titles(search("轮渡", "zh-hans")) == ["轮渡"]


def test_queries_per_search_stay_constant_as_results_grow(make_page, client, django_assert_max_num_queries):
    def pages(start, count):
        for number in range(start, start + count):
            make_page(f"ferry-{number}", title_en=f"Ferry {number}", body_en=["Ferry timetable."])

    pages(0, 2)
    with django_assert_max_num_queries(20) as few:
        client.get("/en/search/", {"q": "ferry"})
    pages(2, 14)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/search/", {"q": "ferry"})


ODD_QUERIES = ["C++ & | ! ( ) :* <->", "'", "\\", "___", "！？。", "<script>alert(1)</script>", "a" * 60, "的 了 和"]


def test_odd_queries_are_answered_not_crashed(make_page, search):
    make_page("ferry", title_en="Ferry", title_zh="轮渡")

    for language in ("en", "zh-hans"):
        for query in ODD_QUERIES:
            page = search(query, language)
            assert page.select_one(".search-summary") is not None
            assert not [script for script in page.select("script") if "alert" in script.get_text()]
