"""Every CNS page type renders in both languages, and sits where the page tree allows it."""

import datetime

import pytest

from django.utils import timezone

from cns.factories import (
    ArticlePageFactory,
    ArticleTopicFactory,
    EventPageFactory,
    GuidePageFactory,
    ServicePlatformFactory,
    TownshipFactory,
    step,
)
from cns.models import ArticlePage, CNSHomePage, EventPage, GuideIndexPage, GuidePage, GuideRelatedGuide
from portal.models import HomePage, StandardPage
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "title", "entrance"),
    [("en", "City News Service", "Employees and employers"), ("zh-hans", "城市新闻服务", "就业者与用人单位")],
)
def test_cns_home_shows_three_audience_entrances_in_each_language(client, cns, prefix, title, entrance):
    main = soup(client.get(f"/{prefix}/cns/")).main

    assert main.h1.get_text(strip=True) == title
    entrances = main.select(".cns-entrance a")
    assert len(entrances) == 3
    assert entrance in [link.select_one(".card__title").get_text(strip=True) for link in entrances]
    assert [link["href"] for link in entrances] == [
        f"/{prefix}/cns/for/residents/",
        f"/{prefix}/cns/for/work/",
        f"/{prefix}/cns/for/visitors/",
    ]


def test_audience_entrance_lists_that_audiences_guides_and_the_platforms_they_use(client, guide_index):
    platform = ServicePlatformFactory(name_en="Foreign experts' affairs", name_zh_hans="外国专家事务")
    GuidePageFactory(
        parent=guide_index, title_en="Get a work permit", audience="work", steps_en=[step("Apply", platform=platform)]
    )
    GuidePageFactory(parent=guide_index, title_en="Register where you stay", audience="everyone")
    GuidePageFactory(parent=guide_index, title_en="Ride the metro", audience="visitors")

    main = soup(client.get("/en/cns/for/work/")).main

    titles = [title.get_text(strip=True) for title in main.select(".cns-guide-card .card__title")]
    assert sorted(titles) == ["Get a work permit", "Register where you stay"]
    assert "Foreign experts' affairs" in main.select_one(".cns-platform-names").get_text()


def test_unknown_audience_is_not_found(client, cns):
    assert client.get("/en/cns/for/aliens/").status_code == 404


@pytest.mark.parametrize(
    ("prefix", "words"), [("en", ("Bring your passport", "Passport")), ("zh-hans", ("携带护照", "护照"))]
)
def test_guide_shows_ordered_steps_documents_where_to_go_and_review_date(client, guide_index, prefix, words):
    platform = ServicePlatformFactory(
        name_en="Accommodation registration", name_zh_hans="境外人员住宿登记", slug="accommodation"
    )
    GuidePageFactory(
        parent=guide_index,
        slug="register",
        steps_en=[
            step("Check", text="Hotels do it."),
            step("Bring your passport", documents=["Passport"], platform=platform, place="Police station"),
        ],
        steps_zh_hans=[
            step("确认", text="酒店代办。"),
            step("携带护照", documents=["护照"], platform=platform, place="派出所"),
        ],
        last_reviewed=datetime.date(2026, 11, 1),
    )

    main = soup(client.get(f"/{prefix}/cns/guides/register/")).main

    steps = main.select("ol.cns-steps > li")
    assert [s.h3.get_text(strip=True) for s in steps][1] == words[0]
    assert steps[1].select_one("ul li").get_text(strip=True) == words[1]
    where = steps[1].select_one(".cns-step__where")
    link = where.find("a")
    assert link["href"] == f"/{prefix}/cns/services/#platform-accommodation"
    reviewed = main.select_one(".cns-reviewed time")
    assert reviewed["datetime"] == "2026-11-01"


def test_guide_where_to_go_can_link_to_any_page(client, home, guide_index):
    office = StandardPage(title_en="Exit-entry office", slug="exit-entry-office")
    home.add_child(instance=office)
    GuidePageFactory(parent=guide_index, slug="visa", steps_en=[step("Apply", page=office)])

    main = soup(client.get("/en/cns/guides/visa/")).main

    assert main.select_one(".cns-step__where a")["href"] == "/en/exit-entry-office/"


def test_guide_lists_only_live_related_guides(client, guide_index):
    guide = GuidePageFactory(parent=guide_index, slug="work-permit")
    live = GuidePageFactory(parent=guide_index, title_en="Residence permit")
    draft = GuidePageFactory(parent=guide_index, title_en="Draft guide", live=False)
    GuideRelatedGuide.objects.create(page=guide, guide=live, sort_order=0)
    GuideRelatedGuide.objects.create(page=guide, guide=draft, sort_order=1)

    related = soup(client.get("/en/cns/guides/work-permit/")).main.find(
        "section", attrs={"aria-labelledby": "related-heading"}
    )

    assert [a.get_text(strip=True) for a in related.find_all("a")] == ["Residence permit"]


@pytest.mark.parametrize(
    ("prefix", "title", "credit"),
    [("en", "Nine townships join", "Photo: Jiang Xiaowei"), ("zh-hans", "九个街镇加入", "图片：蒋晓薇")],
)
def test_article_shows_date_author_image_credit_and_topics_in_the_readers_language(client, cns, prefix, title, credit):
    from wagtail_factories import ImageFactory

    article = ArticlePageFactory(
        parent=cns,
        slug="alliance",
        title_en="Nine townships join",
        title_zh_hans="九个街镇加入",
        author_en="CNS",
        author_zh_hans="CNS",
        image=ImageFactory(),
        image_alt_en="The launch ceremony",
        image_alt_zh_hans="启动仪式",
        photo_credit_en="Jiang Xiaowei",
        photo_credit_zh_hans="蒋晓薇",
    )
    article.topics.set(
        [
            ArticleTopicFactory(slug="community-alliance", name_en="Community alliance", name_zh_hans="国际社区联盟"),
            ArticleTopicFactory(slug="townships", name_en="Townships", name_zh_hans=""),
        ]
    )
    article.save()

    main = soup(client.get(f"/{prefix}/cns/alliance/")).main

    assert main.h1.get_text(strip=True) == title
    assert main.select_one("time")["datetime"] == "2024-04-30"
    assert main.select_one("figure img")["alt"] in {"The launch ceremony", "启动仪式"}
    assert credit.replace(" ", "") in main.select_one("figcaption").get_text(strip=True).replace(" ", "")
    topics = main.select(".cns-tags .cns-tag")
    # A topic not yet named in Chinese shows its English name, marked as English.
    assert [(topic.get_text(), topic.get("lang")) for topic in topics] == (
        [("Community alliance", None), ("Townships", None)]
        if prefix == "en"
        else [("国际社区联盟", None), ("Townships", "en")]
    )


def test_article_image_needs_a_text_alternative(cns):
    from django.core.exceptions import ValidationError

    from wagtail_factories import ImageFactory

    article = ArticlePage(title="Photo story", slug="photo-story", image=ImageFactory())
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "image_alt" in error.value.message_dict


@pytest.mark.parametrize(("prefix", "kind"), [("en", "Roundtable"), ("zh-hans", "圆桌会")])
def test_event_shows_kind_shanghai_time_venue_and_township(client, cns, prefix, kind):
    township = TownshipFactory(slug="huacao", name_en="Huacao Town", name_zh_hans="华漕镇")
    start = timezone.make_aware(datetime.datetime(2030, 5, 6, 14, 0))  # Asia/Shanghai
    EventPageFactory(
        parent=cns,
        slug="roundtable",
        kind="roundtable",
        start=start,
        end=start + datetime.timedelta(hours=2),
        township=township,
    )

    main = soup(client.get(f"/{prefix}/cns/roundtable/")).main

    assert kind in main.select_one(".cns-kicker").get_text()
    times = main.select(".cns-facts time")
    assert times[0]["datetime"].startswith("2030-05-06T14:00:00+08:00")
    assert main.find("a", href=f"/{prefix}/cns/townships/huacao/")


def test_event_cannot_end_before_it_starts(cns):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(
        title="Backwards", slug="backwards", kind="seminar", start=start, end=start - datetime.timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_untranslated_guide_shows_english_under_the_chinese_notice(client, guide_index):
    GuidePageFactory(parent=guide_index, slug="only-english", title_zh_hans="", summary_zh_hans="", steps_zh_hans=[])

    response = client.get("/zh-hans/cns/guides/only-english/")

    page = soup(response)
    assert page.select_one(".notice--translation")
    assert page.main.h1.get_text(strip=True).startswith("Guide")


def test_page_tree_rules(home, cns, guide_index):
    assert CNSHomePage.can_create_at(home) is False  # only one CNS
    assert set(CNSHomePage.allowed_parent_page_models()) == {HomePage}
    assert GuidePage.allowed_parent_page_models() == [GuideIndexPage]
    assert GuideIndexPage.allowed_parent_page_models() == [CNSHomePage]
    assert ArticlePage.allowed_parent_page_models() == [CNSHomePage]
    assert EventPage.allowed_parent_page_models() == [CNSHomePage]
    assert ArticlePage.listed_on_home and EventPage.listed_on_home


def test_home_page_lists_cns_news_as_latest_and_upcoming_events_as_coming_up(client, cns):
    ArticlePageFactory(parent=cns, title_en="Alliance launched")
    EventPageFactory(parent=cns, title_en="Tea ceremony")

    main = soup(client.get("/en/")).main
    latest = main.find("section", attrs={"aria-labelledby": "latest-heading"}).get_text()
    coming_up = main.find("section", attrs={"aria-labelledby": "coming-up-heading"}).get_text()

    assert "Alliance launched" in latest and "Tea ceremony" not in latest
    assert "Tea ceremony" in coming_up


def test_listed_guides_and_news_mark_english_standing_in_for_chinese(client, cns, guide_index):
    GuidePageFactory(parent=guide_index, title_en="Renting a flat", title_zh_hans="", summary_zh_hans="")
    GuidePageFactory(parent=guide_index, title_en="Opening a bank account", title_zh_hans="开立银行账户")
    ArticlePageFactory(parent=cns, title_en="Library opens late", title_zh_hans="")

    guides = soup(client.get("/zh-hans/cns/guides/"))
    news = soup(client.get("/zh-hans/cns/news/"))

    untranslated = guides.find("span", string="Renting a flat")
    assert untranslated["lang"] == "en"
    assert untranslated.find_next_sibling("span", class_="card__text")["lang"] == "en"
    translated = guides.find("span", string="开立银行账户")
    assert not translated.has_attr("lang")
    assert not translated.find_next_sibling("span", class_="card__text").has_attr("lang")
    assert news.find("a", string="Library opens late")["lang"] == "en"


def test_renaming_a_topic_shows_on_cached_article_pages_at_once(client, cns, settings):
    settings.PAGE_CACHE_SECONDS = 300
    topic = ArticleTopicFactory(slug="townships", name_en="Townships", name_zh_hans="街镇")
    article = ArticlePageFactory(parent=cns, slug="alliance")
    article.topics.set([topic])
    article.save_revision().publish()
    for prefix in ("en", "zh-hans"):
        client.get(f"/{prefix}/cns/alliance/")

    topic.name_en, topic.name_zh_hans = "Alliance townships", "联盟街镇"
    topic.save()

    english = soup(client.get("/en/cns/alliance/")).main.select_one(".cns-tags .cns-tag")
    chinese = soup(client.get("/zh-hans/cns/alliance/")).main.select_one(".cns-tags .cns-tag")
    assert (english.get_text(), chinese.get_text()) == ("Alliance townships", "联盟街镇")


@pytest.mark.parametrize(("prefix", "heading"), [("en", "News on “Townships”"), ("zh-hans", "“街镇”相关新闻")])
def test_an_articles_topic_leads_to_the_news_filed_under_it(client, cns, prefix, heading):
    townships = ArticleTopicFactory(slug="townships", name_en="Townships", name_zh_hans="街镇")
    work = ArticleTopicFactory(slug="work", name_en="Work", name_zh_hans="工作")
    filed = ArticlePageFactory(parent=cns, slug="alliance", title_en="Alliance grows", title_zh_hans="联盟扩大")
    filed.topics.set([townships])
    filed.save_revision().publish()
    other = ArticlePageFactory(parent=cns, slug="talent", title_en="Talent salon", title_zh_hans="人才沙龙")
    other.topics.set([work])
    other.save_revision().publish()

    link = soup(client.get(f"/{prefix}/cns/alliance/")).main.select_one(".cns-tags a")
    listing = soup(client.get(link["href"])).main

    assert link["href"] == f"/{prefix}/cns/news/?topic=townships"
    assert listing.h1.get_text(strip=True) == heading
    assert [a.get_text() for a in listing.select(".cns-news__title a")] == [
        filed.title_en if prefix == "en" else "联盟扩大"
    ]
    assert listing.find("a", href=f"/{prefix}/cns/news/")  # back to all news


def test_a_topic_without_a_chinese_name_is_marked_english_inside_the_chinese_heading(client, cns):
    ArticleTopicFactory(slug="ports", name_en="Ports & <harbours>", name_zh_hans="")

    heading = soup(client.get("/zh-hans/cns/news/", {"topic": "ports"})).main.h1

    assert heading.get_text(strip=True) == "“Ports & <harbours>”相关新闻"
    assert heading.find("span", lang="en").get_text() == "Ports & <harbours>"


@pytest.mark.parametrize("topic", ["nothing-here", "", "\x00", "a\x00b", "<script>"])
def test_an_unknown_or_malformed_topic_is_not_found(client, cns, topic):
    assert client.get("/en/cns/news/", {"topic": topic}).status_code == 404
