"""The alliance townships: grouped by district with counts and the alliance total; one page per township."""

import datetime

import pytest

from django.utils import timezone

from cns.factories import DistrictFactory, EventPageFactory, TownshipFactory
from cns.models import CNSHomePage
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(cns):
    cns.alliance_estimate = 95000
    cns.save()
    pudong = DistrictFactory(slug="pudong", name_en="Pudong New Area", name_zh_hans="浦东新区", sort_order=1)
    minhang = DistrictFactory(slug="minhang", name_en="Minhang District", name_zh_hans="闵行区", sort_order=2)
    TownshipFactory(
        district=pudong, slug="huamu", name_en="Huamu Subdistrict", name_zh_hans="花木街道", kind="subdistrict"
    )
    TownshipFactory(district=pudong, slug="jinqiao", name_en="Jinqiao Town", name_zh_hans="金桥镇")
    huacao = TownshipFactory(
        district=minhang,
        slug="huacao",
        name_en="Huacao Town",
        name_zh_hans="华漕镇",
        centre_name_en="Huacao International Community Center",
        centre_name_zh_hans="华漕国际社区中心",
    )
    return huacao


def test_listing_groups_townships_by_district_with_counts_and_total(client, alliance):
    main = soup(client.get("/en/cns/townships/")).main

    groups = main.select("section.cns-district")
    assert [group.h2.contents[0].strip() for group in groups] == ["Pudong New Area", "Minhang District"]
    assert [[a.select_one(".card__title").get_text() for a in group.select("a")] for group in groups] == [
        ["Huamu Subdistrict", "Jinqiao Town"],
        ["Huacao Town"],
    ]
    assert "2 townships" in groups[0].select_one(".cns-count").get_text()
    stats = main.select_one(".cns-stats").get_text(" ", strip=True)
    assert "3 member townships" in stats
    assert "2 districts covered" in stats
    assert "95,000" in stats


def test_listing_in_chinese_uses_chinese_names(client, alliance):
    main = soup(client.get("/zh-hans/cns/townships/")).main

    assert main.select("section.cns-district")[0].h2.contents[0].strip() == "浦东新区"
    assert "华漕镇" in main.get_text()


def test_filter_by_district_shows_only_that_district_and_marks_it(client, alliance):
    main = soup(client.get("/en/cns/townships/?district=minhang")).main

    assert [group.h2.contents[0].strip() for group in main.select("section.cns-district")] == ["Minhang District"]
    assert main.select_one(".cns-subnav [aria-current]").get_text(strip=True) == "Minhang District (1)"


def test_unknown_district_shows_every_township(client, alliance):
    main = soup(client.get("/en/cns/townships/?district=atlantis")).main

    assert len(main.select("section.cns-district")) == 2


def test_without_an_alliance_figure_the_total_adds_up_sourced_township_estimates(client, cns):
    TownshipFactory(foreign_residents_estimate=1200, estimate_source_en="District yearbook")
    TownshipFactory(foreign_residents_estimate=None)

    assert "1,200" in soup(client.get("/en/cns/townships/")).main.select_one(".cns-stats").get_text()


def test_detail_shows_centre_and_only_its_upcoming_events(client, cns, alliance):
    now = timezone.now()
    EventPageFactory(parent=cns, title_en="Tea ceremony", township=alliance, start=now + datetime.timedelta(days=3))
    EventPageFactory(parent=cns, title_en="Old opening", township=alliance, start=now - datetime.timedelta(days=30))
    EventPageFactory(parent=cns, title_en="Elsewhere", start=now + datetime.timedelta(days=3))
    EventPageFactory(
        parent=cns, title_en="Draft event", township=alliance, live=False, start=now + datetime.timedelta(days=3)
    )

    main = soup(client.get("/en/cns/townships/huacao/")).main

    assert main.h1.get_text(strip=True) == "Huacao Town"
    assert "Huacao International Community Center" in main.get_text()
    upcoming = main.select_one("ul.cns-events:not(.cns-events--past)")
    assert [a.get_text() for a in upcoming.select(".cns-event__title a")] == ["Tea ceremony"]
    assert [a.get_text() for a in main.select(".cns-events--past .cns-event__title a")] == ["Old opening"]
    feedback = main.find("a", string="Send feedback about this township")
    assert feedback["href"] == f"/en/cns/feedback/?township={alliance.pk}"


def test_detail_in_chinese_with_breadcrumb_back_to_the_listing(client, alliance):
    page = soup(client.get("/zh-hans/cns/townships/huacao/"))

    assert page.main.h1.get_text(strip=True) == "华漕镇"
    crumbs = page.select(".breadcrumbs li")
    assert crumbs[-2].a["href"] == "/zh-hans/cns/townships/"
    assert crumbs[-1].get_text(strip=True) == "华漕镇"


def test_unknown_township_is_not_found(client, alliance):
    assert client.get("/en/cns/townships/atlantis/").status_code == 404


def test_language_switcher_keeps_the_township(client, alliance):
    switcher = soup(client.get("/en/cns/townships/huacao/")).select_one(".language-switcher")

    assert switcher.find("a", hreflang="zh-hans")["href"] == "/zh-hans/cns/townships/huacao/"


def test_listing_queries_do_not_grow_with_townships(client, cns, django_assert_max_num_queries):
    for _ in range(2):
        TownshipFactory()
    with django_assert_max_num_queries(20) as few:
        client.get("/en/cns/townships/")
    for _ in range(12):
        TownshipFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/townships/").status_code == 200


def test_detail_queries_do_not_grow_with_events(client, cns, alliance, django_assert_max_num_queries):
    start = timezone.now() + datetime.timedelta(days=2)
    EventPageFactory(parent=cns, township=alliance, start=start)
    with django_assert_max_num_queries(25) as few:
        client.get("/en/cns/townships/huacao/")
    for _ in range(8):
        EventPageFactory(parent=cns, township=alliance, start=start)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/townships/huacao/").status_code == 200


def test_township_without_chinese_text_says_so_in_chinese(client, cns):
    TownshipFactory(slug="new-member", name_en="New Town", name_zh_hans="", description_en="Joined recently.")

    page = soup(client.get("/zh-hans/cns/townships/new-member/"))

    assert page.main.select_one(".notice--translation")
    assert page.main.h1.get_text(strip=True) == "New Town"


def test_editing_a_township_refreshes_cached_pages(alliance):
    from portal.pagecache import current_generation

    before = current_generation()
    alliance.centre_address_en = "Somewhere"
    alliance.save()

    assert current_generation() != before


def test_detail_pages_its_upcoming_events_and_shows_the_latest_past_ones(client, cns, alliance, monkeypatch):
    monkeypatch.setattr(CNSHomePage, "events_per_page", 2)
    now = timezone.now()
    for day in (3, 1, 2):
        EventPageFactory(
            parent=cns, township=alliance, title_en=f"In {day} days", start=now + datetime.timedelta(days=day)
        )
    for day in range(1, 8):
        EventPageFactory(
            parent=cns, township=alliance, title_en=f"{day} days ago", start=now - datetime.timedelta(days=day)
        )

    def titles(main, selector):
        return [a.get_text() for a in main.select(f"{selector} .cns-event__title a")]

    first = soup(client.get("/en/cns/townships/huacao/")).main
    second = soup(client.get("/en/cns/townships/huacao/?page=2")).main

    assert titles(first, ".cns-events:not(.cns-events--past)") == ["In 1 days", "In 2 days"]
    assert titles(second, ".cns-events:not(.cns-events--past)") == ["In 3 days"]
    assert first.select_one("nav.pagination a[rel=next]")["href"] == "?page=2"
    assert titles(first, ".cns-events--past") == [f"{day} days ago" for day in range(1, 6)]


def test_the_breadcrumb_marks_a_township_name_shown_in_english(client, cns):
    TownshipFactory(slug="new-member", name_en="New Town", name_zh_hans="")
    TownshipFactory(slug="huacao", name_en="Huacao Town", name_zh_hans="华漕镇")

    untranslated = soup(client.get("/zh-hans/cns/townships/new-member/")).select("nav.breadcrumbs li")[-1]
    translated = soup(client.get("/zh-hans/cns/townships/huacao/")).select("nav.breadcrumbs li")[-1]

    assert (untranslated.get_text(strip=True), untranslated.get("lang")) == ("New Town", "en")
    assert (translated.get_text(strip=True), translated.get("lang")) == ("华漕镇", None)


def test_a_township_whose_centre_is_not_known_promises_nothing(client, cns):
    TownshipFactory(slug="jinqiao", name_en="Jinqiao Town", centre_name_en="", centre_name_zh_hans="")

    main = soup(client.get("/en/cns/townships/jinqiao/")).main

    headings = [h2.get_text(strip=True) for h2 in main.find_all("h2")]
    assert "International community centre" not in headings
    assert "will follow" not in main.get_text()
