"""The issue's examples on the sections' own page types, built with their factories."""

import pytest

from django.db import connection

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory, AgencyResponsibilityFactory
from cns.factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    CNSHomePageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    step,
)

from .conftest import result_links

pytestmark = pytest.mark.django_db


def test_chinese_word_in_an_agencys_responsibilities_finds_the_agency(home, search):
    directory = AgencyIndexPageFactory(parent=home)
    agency = AgencyPageFactory(
        parent=directory, slug="economy", title_en="Economy Commission", title_zh_hans="市经济委员会"
    )
    AgencyPageFactory(parent=directory, slug="transport", title_en="Transport Commission", title_zh_hans="市交通委员会")
    AgencyResponsibilityFactory(
        page=agency,
        text_en="Plans the growth of industry and of informatization across the city.",
        text_zh_hans="统筹规划和推进本市工业和信息化发展，负责大数据和信息安全工作。",
    )
    # The responsibility is an inline of the page: publishing indexes it with the page.
    agency.save_revision().publish()

    page = search("信息化", "zh-hans")

    assert result_links(page) == ["/zh-hans/agencies/economy/"]
    assert page.select_one(".search-result__snippet mark").get_text() == "信息化"
    assert result_links(search("informatization")) == ["/en/agencies/economy/"]


def test_chinese_query_of_two_words_finds_the_work_permit_guide(home, search):
    guides = GuideIndexPageFactory(parent=CNSHomePageFactory(parent=home))
    GuidePageFactory(
        parent=guides,
        slug="work-permit",
        title_en="Get a work permit",
        title_zh_hans="办理外国人工作许可",
        summary_zh_hans="外国人在本市就业前，须由用人单位申请工作许可。",
        steps_zh_hans=[step("网上申请", text="用人单位登录平台提交申请材料。")],
    )
    GuidePageFactory(parent=guides, slug="metro", title_en="Ride the metro", title_zh_hans="乘坐地铁出行")

    page = search("外国人 工作许可", "zh-hans")

    assert result_links(page)[0] == "/zh-hans/cns/guides/work-permit/"
    assert page.select_one(".search-result__section").get_text(strip=True) != "Standard page"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_english_stemming_on_a_guide(home, search):
    guides = GuideIndexPageFactory(parent=CNSHomePageFactory(parent=home))
    GuidePageFactory(
        parent=guides,
        slug="stay",
        title_en="Where you stay",
        summary_en="Accommodation registration within 24 hours of arrival.",
    )

    assert result_links(search("registering")) == ["/en/cns/guides/stay/"]


def test_section_filter_lists_the_sections_page_types_by_their_names(home, search):
    directory = AgencyIndexPageFactory(parent=home)
    AgencyPageFactory(parent=directory, slug="harbour-office", title_en="Harbour Office", title_zh_hans="港务办公室")
    guides = GuideIndexPageFactory(parent=CNSHomePageFactory(parent=home))
    GuidePageFactory(
        parent=guides, slug="harbour-ferry", title_en="Take the harbour ferry", title_zh_hans="乘坐港口轮渡"
    )

    page = search("harbour")
    labels = [a.get_text(" ", strip=True) for a in page.select(".search-sections a")]
    guide_filter = next(a["href"] for a in page.select(".search-sections a") if "section=cns.guidepage" in a["href"])

    assert len(labels) == 3  # all, agency, guide
    assert result_links(search("harbour", section="cns.guidepage")) == ["/en/cns/guides/harbour-ferry/"]
    assert "section=cns.guidepage" in guide_filter


def test_an_articles_topic_finds_it_in_each_language(home, search):
    cns = CNSHomePageFactory(parent=home)
    article = ArticlePageFactory(
        parent=cns,
        slug="salon",
        title_en="An evening salon for new arrivals",
        title_zh_hans="新来者晚间沙龙",
        intro_en="Meet your neighbours.",
        intro_zh_hans="认识你的邻居。",
    )
    article.topics.set([ArticleTopicFactory(slug="talent", name_en="Foreign talent", name_zh_hans="外籍人才")])
    article.save_revision().publish()

    assert result_links(search("外籍人才", "zh-hans")) == ["/zh-hans/cns/salon/"]
    assert result_links(search("talent")) == ["/en/cns/salon/"]


def test_renaming_a_topic_renames_it_in_the_search(home, search):
    article = ArticlePageFactory(parent=CNSHomePageFactory(parent=home), slug="salon", title_en="An evening salon")
    topic = ArticleTopicFactory(slug="talent", name_en="Foreign talent", name_zh_hans="外籍人才")
    article.topics.set([topic])
    article.save_revision().publish()

    topic.name_en, topic.name_zh_hans = "Expatriate professionals", "外籍专业人士"
    topic.save()

    assert result_links(search("professionals")) == ["/en/cns/salon/"]
    assert result_links(search("talent")) == []
    assert result_links(search("外籍专业人士", "zh-hans")) == ["/zh-hans/cns/salon/"]
