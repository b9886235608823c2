"""The page every email links to: the subscriber changes frequency or topic, or unsubscribes."""

import pytest

from django.core import mail

from alerts.factories import SubscriptionFactory
from alerts.models import Subscription
from cns.factories import ArticleTopicFactory
from pressroom.factories import PressTopicFactory
from tests.kit import soup

pytestmark = pytest.mark.django_db


def manage_path(subscription, prefix="en"):
    return f"/{prefix}/alerts/manage/{subscription.manage_token}/"


def test_a_subscriber_changes_the_frequency_and_the_topic(client, home):
    economy = PressTopicFactory(slug="economy")
    subscription = SubscriptionFactory(email="reporter@example.org")

    page = soup(client.get(manage_path(subscription)))
    assert "reporter@example.org" in page.main.get_text()
    assert page.find("option", attrs={"value": "releases:economy"})
    response = client.post(manage_path(subscription), {"frequency": "daily", "topic": "releases:economy"})

    assert "Your choices are saved." in soup(response).main.get_text()
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.press_topic) == ("daily", economy)


def test_a_topic_of_another_list_is_refused(client, home):
    ArticleTopicFactory(slug="housing")
    subscription = SubscriptionFactory()

    response = client.post(manage_path(subscription), {"frequency": "daily", "topic": "news:housing"})

    soup(response, status=400)
    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"


def test_events_have_no_topic_to_choose(client, home):
    page = soup(client.get(manage_path(SubscriptionFactory(list_key="events"))))

    assert not page.main.find("select", attrs={"name": "topic"})


def test_the_unsubscribe_button_erases_the_address(client, home):
    subscription = SubscriptionFactory(email="leaving@example.org")
    page = soup(client.get(manage_path(subscription)))
    form = page.select_one(".alerts-leave form")

    response = client.post(form["action"])

    assert soup(response).h1.get_text(strip=True) == "You have unsubscribed"
    assert not Subscription.objects.filter(email="leaving@example.org").exists()
    assert client.get(manage_path(subscription)).status_code == 404
    assert not mail.outbox


def test_the_manage_page_is_in_the_subscribers_language(client, home):
    subscription = SubscriptionFactory(language="zh-hans")

    page = soup(client.get(manage_path(subscription, "zh-hans")))

    assert page.h1.get_text(strip=True) == "您的订阅"
