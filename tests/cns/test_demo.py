"""The CNS demo content: the seeds' facts, both languages, and nothing changes on a second run.

Building the demo takes seconds, so one test builds it once and checks it as a whole.
"""

import datetime

import pytest

from django.utils import timezone, translation

from wagtail.models import Page

from cns.demo import build_cns
from cns.models import (
    ArticlePage,
    CNSHomePage,
    District,
    EventPage,
    Feedback,
    FeedbackTopic,
    GuidePage,
    ServicePlatform,
    Township,
)
from portal.demo import build_home_and_about
from portal.models import HomeFeaturedLink
from tests.kit import soup

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, ServicePlatform, District, Township, FeedbackTopic, HomeFeaturedLink, GuidePage, EventPage)
    }


def test_demo_content_states_the_seeds_facts_in_both_languages_and_is_idempotent(client):
    with translation.override("en"):
        build_home_and_about()
        build_cns()
    before = counts()

    # The nine founding townships, their districts and the launch date; no invented per-township figures.
    townships = {t.slug: t for t in Township.objects.select_related("district")}
    assert len(townships) == 9
    assert townships["huacao"].name_zh_hans == "华漕镇"
    assert townships["huacao"].district.name_en == "Minhang District"
    assert townships["yichuan-road"].district.name_zh_hans == "普陀区"
    assert {t.joined_on for t in townships.values()} == {datetime.date(2024, 4, 30)}
    assert all(t.foreign_residents_estimate is None for t in townships.values())
    assert CNSHomePage.objects.get().alliance_estimate == 95000

    # At least six guides across categories, each in both languages; the seeds describe no procedure,
    # so every one is an example.
    guides = GuidePage.objects.live()
    assert guides.count() >= 6
    assert len({guide.category for guide in guides}) >= 5
    for guide in guides:
        assert guide.title_zh_hans and guide.summary_zh_hans and len(guide.steps_zh_hans) == len(guide.steps_en)
        assert guide.is_example

    # What the seed says CNS connects to, in its three groups, without invented contacts.
    platforms = ServicePlatform.objects.all()
    assert [(p.group, p.slug) for p in platforms] == [
        ("platform", "exit-entry"),
        ("platform", "customs"),
        ("platform", "foreign-experts"),
        ("service", "work-permit"),
        ("service", "accommodation-registration"),
        ("service", "entry-health-checks"),
        ("standby", "commercial-services"),
    ]
    assert not any(p.telephone or p.hours or p.url for p in platforms)
    services = soup(client.get("/en/cns/services/")).main
    assert "13 government affairs platforms" in services.select_one(".lede").get_text()
    assert [h.get_text(strip=True) for h in services.select("h2")] == [
        "Government affairs platforms named by CNS",
        "Services through these platforms",
        "Commercial services on standby",
    ]

    # The seed's one dated event is past, on its own day; every event still to come is an example.
    events = EventPage.objects.all()
    assert {e.slug for e in events if e.is_past} == {"cns-opens-at-huacao-international-community-center"}
    opening = events.get(slug="cns-opens-at-huacao-international-community-center")
    assert (timezone.localtime(opening.start).date(), opening.is_example) == (datetime.date(2023, 12, 2), False)
    assert all(e.is_example for e in events if not e.is_past)
    assert not events.filter(slug="your-voice-matters-roundtable").exists()
    # Listed with the label wherever they appear: upcoming events, the home page's "Coming up".
    for address, item in [("/en/cns/events/", "li.cns-event"), ("/zh-hans/cns/events/", "li.cns-event")]:
        items = soup(client.get(address)).main.select(item)
        assert items and all(entry.select_one(".example-label") for entry in items)
    assert not soup(client.get("/en/cns/events/past/")).main.select(".example-label")
    coming_up = soup(client.get("/en/")).find(id="coming-up-heading").find_parent("section")
    assert all(li.select_one(".example-label") for li in coming_up.select("li") if "Example:" in li.get_text())
    # An example guide says it is one, and claims no review date.
    guide = soup(client.get("/en/cns/guides/work-permit/")).main
    assert guide.select_one(".example-note") and "Last reviewed" not in guide.get_text()

    # The two seed articles, and CNS featured on the home page.
    assert set(ArticlePage.objects.values_list("date", flat=True)) == {
        datetime.date(2023, 6, 21),
        datetime.date(2024, 4, 30),
    }
    assert "/zh-hans/cns/" in [card["href"] for card in soup(client.get("/zh-hans/")).main.select(".card__link")]

    # Huacao Town: its centre and its upcoming events, in Chinese.
    main = soup(client.get("/zh-hans/cns/townships/huacao/")).main
    assert "华漕国际社区中心" in main.get_text()
    assert len(main.select("ul.cns-events:not(.cns-events--past) li")) >= 2

    walk_the_chinese_journey(client)

    with translation.override("en"):
        build_cns()
    assert counts() == before


def follow(client, response, text):
    """Clicks the first link on the page whose text contains `text`."""
    link = next(a for a in soup(response).find_all("a") if text in a.get_text())
    return client.get(link["href"])


def walk_the_chinese_journey(client):
    """The issue's "done when", as a new visitor in Chinese: home, CNS, the accommodation
    registration guide, the township listing, Huacao Town and its events, then feedback."""
    home = client.get("/zh-hans/")
    cns = follow(client, home, "城市新闻服务平台")
    guides = follow(client, cns, "全部办事指南")
    guide = follow(client, guides, "住宿登记")
    assert soup(guide).main.h1.get_text(strip=True) == "办理境外人员住宿登记"
    assert "示例" in soup(guide).main.select_one(".example-label").get_text()
    townships = follow(client, follow(client, guide, "城市新闻服务平台"), "联盟街镇")
    assert "9.5万" in soup(townships).main.get_text() or "95,000" in soup(townships).main.get_text()
    huacao = follow(client, townships, "华漕镇")
    assert soup(huacao).main.h1.get_text(strip=True) == "华漕镇"
    event = follow(client, huacao, "茶艺")
    assert soup(event).main.h1.get_text(strip=True) == "示例：中国传统茶艺体验"
    assert soup(event).main.select_one(".example-note .example-label")
    form_page = follow(client, huacao, "就本街镇提出意见")
    form = soup(form_page).main.select_one("form[method=post]")
    topic = form.select("select[name=topic] option")[1]["value"]
    township = form.select_one("select[name=township] option[selected]")["value"]
    sent = client.post(
        form_page.wsgi_request.path,
        {
            "topic": topic,
            "township": township,
            "message": "希望社区中心的活动通知能同时提供中英文版本。",
            "consent": "on",
        },
        follow=True,
    )
    assert soup(sent).main.h1.get_text(strip=True) == "谢谢您"
    feedback = Feedback.objects.get()
    assert (feedback.township.slug, feedback.language) == ("huacao", "zh-hans")
