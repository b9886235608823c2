"""The guide filter offers only the categories and audiences that have guides (issue 18: no
choice that leads to nothing)."""

import pytest

from cns.factories import GuidePageFactory
from tests.kit import soup

pytestmark = pytest.mark.django_db


def offered(client, name, path="/en/cns/guides/"):
    select = soup(client.get(path)).main.select_one(f"select[name={name}]")
    return [option["value"] for option in select.find_all("option")]


def test_only_categories_with_a_live_guide_are_offered(client, guide_index):
    GuidePageFactory(parent=guide_index, category="transport", audience="visitors")
    GuidePageFactory(parent=guide_index, category="work-permits", audience="work")
    GuidePageFactory(parent=guide_index, category="housing", audience="residents", live=False)

    assert sorted(offered(client, "category")) == ["", "transport", "work-permits"]
    assert sorted(offered(client, "audience")) == ["", "visitors", "work"]
    assert sorted(offered(client, "category", "/zh-hans/cns/guides/")) == ["", "transport", "work-permits"]


def test_a_guide_for_everyone_makes_every_audience_worth_offering(client, guide_index):
    GuidePageFactory(parent=guide_index, category="accommodation", audience="everyone")

    assert sorted(offered(client, "audience")) == ["", "residents", "visitors", "work"]


def test_a_category_no_guide_has_is_refused_like_any_unknown_choice(client, guide_index):
    GuidePageFactory(parent=guide_index, title_en="Ride the metro", category="transport")

    response = client.get("/en/cns/guides/?category=housing")

    assert response.status_code == 200
    cards = soup(response).main.select(".cns-guide-card .card__title")
    assert [card.get_text(strip=True) for card in cards] == ["Ride the metro"]
