"""Subscribers' addresses reach only the alert managers; their dashboard counts each list."""

import pytest

from alerts.factories import SubscriptionFactory
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/alerts/subscriptions/"


@pytest.fixture
def subscriptions(db):
    return [
        SubscriptionFactory(email="release.now@example.org"),
        SubscriptionFactory(email="release.daily@example.org", frequency="daily"),
        SubscriptionFactory(email="news@example.org", list_key="news"),
        SubscriptionFactory(email="unconfirmed@example.org", confirmed_at=None),
    ]


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Press officers", "CNS feedback handlers"])
def test_other_staff_see_no_address(client, home, subscriptions, group):
    client.force_login(staff_user(group))

    listing = client.get(INDEX)
    dashboard = client.get("/admin/")

    assert listing.status_code == 302  # Wagtail's "Sorry, you do not have permission"
    assert "release.now@example.org" not in dashboard.content.decode()
    assert not soup(dashboard).find(id="alert-subscribers-section")
    assert client.get(f"/admin/alerts/subscriptions/delete/{subscriptions[0].pk}/").status_code == 302


def test_alert_managers_see_confirmed_addresses_only(client, home, subscriptions):
    client.force_login(staff_user("Email alert managers"))

    listing = client.get(INDEX).content.decode()

    assert "release.now@example.org" in listing
    assert "news@example.org" in listing
    assert "unconfirmed@example.org" not in listing


def test_alert_managers_may_erase_an_address_but_not_add_or_change_one(client, home, subscriptions):
    client.force_login(staff_user("Email alert managers"))
    subscription = subscriptions[0]

    assert client.get("/admin/alerts/subscriptions/new/").status_code == 302
    assert client.get(f"/admin/alerts/subscriptions/edit/{subscription.pk}/").status_code == 302
    client.post(f"/admin/alerts/subscriptions/delete/{subscription.pk}/")

    assert not type(subscription).objects.filter(pk=subscription.pk).exists()


def test_the_dashboard_counts_subscribers_per_list(client, home, subscriptions):
    client.force_login(staff_user("Email alert managers"))

    panel = soup(client.get("/admin/")).find(id="alert-subscribers-section")

    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in panel.find("tbody").find_all("tr")
    }
    # subscribers, at once, daily digest, awaiting confirmation
    assert rows == {
        "Press releases": ["2", "1", "1", "1"],
        "CNS news": ["1", "1", "0", "0"],
        "CNS events": ["0", "0", "0", "0"],
    }
    assert "release.now@example.org" not in str(panel)
