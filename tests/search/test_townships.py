"""Alliance townships (plain models, not pages) are found by the site search in the visitor's language."""

from io import StringIO

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from cns.factories import CNSHomePageFactory, DistrictFactory, TownshipFactory
from cns.models import Township
from portal.search.models import PageSearchEntry

from .conftest import result_links, result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def cns(home):
    return CNSHomePageFactory(parent=home)


@pytest.fixture
def minhang():
    return DistrictFactory(slug="minhang", name_en="Minhang District", name_zh_hans="闵行区")


@pytest.fixture
def huacao(cns, minhang):
    return TownshipFactory(
        district=minhang,
        slug="huacao",
        name_en="Huacao Town",
        name_zh_hans="华漕镇",
        description_en="A town in the west of Minhang with many international families.",
        description_zh_hans="闵行区西部的一个镇，居住着许多外籍家庭。",
        centre_name_en="Huacao International Community Center",
        centre_name_zh_hans="华漕国际社区中心",
    )


def sections_of(page):
    return [" ".join(p.get_text().split()) for p in page.select("ol.search-results .search-result__section")]


def test_chinese_query_finds_the_township_on_its_chinese_page(huacao, search, client):
    page = search("华漕", "zh-hans")

    assert result_titles(page) == ["华漕镇"]
    assert result_links(page) == ["/zh-hans/cns/townships/huacao/"]
    assert sections_of(page) == ["联盟街镇"]
    assert page.select_one("ol.search-results mark").get_text() == "华漕"
    assert client.get(result_links(page)[0]).status_code == 200


def test_english_query_finds_the_township_on_its_english_page(huacao, search, client):
    page = search("Huacao", "en")

    assert result_titles(page) == ["Huacao Town"]
    assert result_links(page) == ["/en/cns/townships/huacao/"]
    assert sections_of(page) == ["Alliance township"]
    assert client.get(result_links(page)[0]).status_code == 200


@pytest.mark.parametrize(
    ("query", "language"),
    [("国际社区中心", "zh-hans"), ("闵行", "zh-hans"), ("外籍家庭", "zh-hans"), ("Minhang", "en"), ("families", "en")],
)
def test_township_is_found_by_its_centre_district_and_description(huacao, search, query, language):
    assert result_links(search(query, language)) == [f"/{language}/cns/townships/huacao/"]


def test_chinese_search_never_returns_english_only_text(cns, minhang, search):
    TownshipFactory(
        district=minhang,
        slug="xinhong",
        name_en="Xinhong Subdistrict",
        name_zh_hans="新虹街道",
        description_en="Newcomers desk near Hongqiao hub.",
        description_zh_hans="",
    )

    assert result_links(search("Newcomers", "zh-hans")) == []
    assert result_links(search("Newcomers", "en")) == ["/en/cns/townships/xinhong/"]
    chinese = PageSearchEntry.objects.get(language="zh-hans", title="新虹街道")
    assert "Newcomers" not in chinese.body


def test_township_without_chinese_text_is_not_found_in_chinese(cns, minhang, search):
    TownshipFactory(district=minhang, slug="english-only", name_en="Englishonly Town", name_zh_hans="")
    minhang.name_zh_hans = ""
    minhang.save()

    assert result_links(search("Englishonly", "zh-hans")) == []
    assert result_links(search("Englishonly", "en")) == ["/en/cns/townships/english-only/"]


def test_renaming_a_township_updates_the_index(huacao, search):
    huacao.name_zh_hans = "虹桥镇"
    huacao.name_en = "Hongqiao Town"
    huacao.save()

    assert "华漕镇" not in result_titles(search("华漕", "zh-hans"))
    assert result_titles(search("虹桥", "zh-hans")) == ["虹桥镇"]
    assert result_titles(search("Hongqiao", "en")) == ["Hongqiao Town"]
    assert result_titles(search("Huacao", "en")) == ["Hongqiao Town"]  # still in its centre's name


def test_renaming_the_district_updates_its_townships(huacao, minhang, search):
    minhang.name_en = "Renamed District"
    minhang.name_zh_hans = "改名区"
    minhang.save()

    assert result_links(search("改名区", "zh-hans")) == ["/zh-hans/cns/townships/huacao/"]
    assert result_links(search("Renamed", "en")) == ["/en/cns/townships/huacao/"]


def test_deleted_township_is_no_longer_found(huacao, search):
    township_id = huacao.pk
    huacao.delete()

    assert result_links(search("华漕", "zh-hans")) == []
    assert result_links(search("Huacao", "en")) == []
    assert not PageSearchEntry.objects.filter(page__isnull=True, object_id=township_id).exists()


def test_section_filter_lists_townships_next_to_pages(huacao, make_page, search):
    make_page("huacao-news", title_en="Huacao market reopens", body_en=["The market in Huacao reopens."])

    page = search("Huacao", "en")
    assert len(result_links(page)) == 2
    labels = [" ".join(a.get_text().split()) for a in page.select(".search-sections a")]
    assert "Alliance township (1)" in labels

    only = search("Huacao", "en", section="cns.township")
    assert result_links(only) == ["/en/cns/townships/huacao/"]
    assert "1 result" in only.select_one(".search-summary").get_text()


def test_without_a_cns_home_page_townships_are_not_listed(minhang, search):
    TownshipFactory(district=minhang, slug="orphan", name_en="Orphan Town", name_zh_hans="孤镇")

    assert result_links(search("Orphan", "en")) == []


def test_update_index_rebuilds_township_entries(huacao, search):
    PageSearchEntry.objects.filter(page__isnull=True).delete()
    gone = PageSearchEntry(content_type=ContentType.objects.get_for_model(Township), object_id=999999)
    gone.language, gone.title, gone.title_terms = "en", "Gone Town", "gone town"
    gone.save()

    call_command("update_index", backend_name="site", stdout=StringIO())

    assert result_links(search("华漕", "zh-hans")) == ["/zh-hans/cns/townships/huacao/"]
    assert result_links(search("Gone", "en")) == []


@pytest.mark.parametrize(("query", "title"), [("徐泾", "徐泾镇"), ("徐泾镇", "徐泾镇")])
def test_place_names_are_cut_as_words_not_characters(cns, query, title, search):
    # jieba alone cuts "华漕镇" into 华 / 漕镇 and does not know 徐泾: the place-name list does.
    qingpu = DistrictFactory(slug="qingpu", name_en="Qingpu District", name_zh_hans="青浦区")
    TownshipFactory(district=qingpu, slug="xujing", name_en="Xujing Town", name_zh_hans="徐泾镇")
    TownshipFactory(district=qingpu, slug="other", name_en="Other Town", name_zh_hans="泾镇")

    assert result_titles(search(query, "zh-hans")) == [title]
    assert sorted(result_titles(search("青浦", "zh-hans"))) == ["徐泾镇", "泾镇"]


def test_queries_per_search_stay_constant_as_township_results_grow(
    cns, minhang, make_page, client, django_assert_max_num_queries
):
    def townships(start, count):
        for number in range(start, start + count):
            TownshipFactory(district=minhang, slug=f"ferry-{number}", name_en=f"Ferry Town {number}")
            make_page(f"ferry-page-{number}", title_en=f"Ferry {number}")

    townships(0, 2)
    with django_assert_max_num_queries(25) as few:
        client.get("/en/search/", {"q": "ferry"})
    with django_assert_max_num_queries(25) as few_townships:
        client.get("/en/search/", {"q": "ferry", "section": "cns.township"})
    townships(2, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/search/", {"q": "ferry"})
    with django_assert_max_num_queries(len(few_townships.captured_queries)):
        response = client.get("/en/search/", {"q": "ferry", "section": "cns.township"})
    assert response.content.decode().count('href="/en/cns/townships/ferry-') == 10
