"""Subscribing: the form in both languages, double opt-in, the one answer for every address,
bad input and the rate limits."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from alerts.factories import SubscriptionFactory
from alerts.models import Subscription
from cns.factories import ArticleTopicFactory
from pressroom.factories import PressTopicFactory
from tests.kit import soup

from .conftest import link, subscribe, subscribe_data

pytestmark = pytest.mark.django_db


def test_the_form_has_a_label_for_every_control_in_both_languages(client, home):
    for prefix, heading in (("en", "Email alerts"), ("zh-hans", "邮件提醒")):
        response = client.get(f"/{prefix}/alerts/")
        page = soup(response)
        assert page.h1.get_text(strip=True) == heading
        assert "private" in response["Cache-Control"]
        form = page.main.find("form", method="post")
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        for control in form.find_all(["input", "select"]):
            if control.get("type") != "hidden":
                assert form.find("label", attrs={"for": control["id"]}), control["name"]


def test_a_section_link_chooses_the_list_and_topic(client, home):
    topic = ArticleTopicFactory(slug="housing")

    form = soup(client.get(f"/en/alerts/?list=news&topic=news:{topic.slug}")).main.form

    assert form.find("input", attrs={"name": "list_key", "value": "news"}).has_attr("checked")
    assert form.find("option", attrs={"value": "news:housing"}).has_attr("selected")


def test_a_journalist_subscribes_in_english_and_confirms(client, home):
    topic = PressTopicFactory(slug="economy")

    response = subscribe(client, topic="releases:economy")

    assert response.status_code == 302
    assert response["Location"] == "/en/alerts/sent/"
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.list_key, subscription.topic, subscription.language) == (
        "reporter@example.org",
        "releases",
        topic,
        "en",
    )
    assert subscription.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["reporter@example.org"]
    assert message.subject == "Confirm your email alerts from the Information Office"
    assert "“Press releases” on the topic “Topic" in message.body
    path = link(message, "confirm")
    assert path.startswith("/en/alerts/confirm/")

    assert client.get(path).status_code == 200  # a button: mail scanners that open links confirm nothing
    assert Subscription.objects.get().confirmed_at is None
    confirmed = soup(client.post(path))
    assert confirmed.h1.get_text(strip=True) == "You are subscribed"
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert subscription.confirmation_token_hash == ""
    assert client.post(path).status_code == 404  # used once


def test_a_visitor_subscribes_in_chinese_and_the_email_is_in_chinese(client, home):
    response = subscribe(client, "zh-hans", email="Jizhe@Example.org", list_key="events")

    assert response["Location"] == "/zh-hans/alerts/sent/"
    assert Subscription.objects.get().language == "zh-hans"
    assert Subscription.objects.get().email == "jizhe@example.org"
    [message] = mail.outbox
    assert "/zh-hans/alerts/confirm/" in message.body
    assert message.subject == "请确认您订阅的新闻办邮件提醒"
    assert soup(client.post(link(message, "confirm"))).h1.get_text(strip=True) == "订阅成功"


def test_a_subscribed_and_an_unknown_address_get_the_same_answer(client, home):
    SubscriptionFactory(email="known@example.org", list_key="releases", language="zh-hans")

    known = subscribe(client, email="known@example.org")
    unknown = subscribe(client, email="unknown@example.org")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    assert Subscription.objects.filter(email="known@example.org").count() == 1
    told, confirm = mail.outbox
    assert told.to == ["known@example.org"]
    assert "/zh-hans/alerts/manage/" in told.body  # in the language the subscriber chose
    assert told.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert confirm.to == ["unknown@example.org"]


def test_a_new_subscription_replaces_an_unconfirmed_one_and_only_the_new_link_works(client, home):
    subscribe(client, frequency="immediate")
    subscribe(client, frequency="daily", submission_key="")
    first, second = mail.outbox

    assert Subscription.objects.get().frequency == "daily"
    assert client.post(link(first, "confirm")).status_code == 404
    assert client.post(link(second, "confirm")).status_code == 200


def test_a_double_click_stores_one_subscription_and_sends_one_email(client, home):
    key = soup(client.get("/en/alerts/")).find("input", attrs={"name": "submission_key"})["value"]

    for _send in range(2):
        assert subscribe(client, submission_key=key).status_code == 302

    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_expired_link_says_so_and_the_daily_job_deletes_the_subscription(client, home):
    from django.core.management import call_command

    subscribe(client)
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=3))

    assert client.post(link(mail.outbox[0], "confirm")).status_code == 410
    call_command("send_daily_alerts", verbosity=0)
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not an address"}, "email"),
        ({"list_key": "gossip"}, "list_key"),
        ({"list_key": "news", "topic": "releases:economy"}, "topic"),
        ({"frequency": "hourly"}, "frequency"),
    ],
)
def test_bad_input_is_refused_with_a_message_in_english(client, home, data, field):
    PressTopicFactory(slug="economy")

    response = client.post("/en/alerts/", subscribe_data(**data))

    page = soup(response, status=400)
    control = page.find(attrs={"name": field, "aria-invalid": "true"})
    assert control is not None
    assert page.select_one(".error-summary").get_text(strip=True).startswith("Please correct the following")
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_bad_input_is_refused_with_a_message_in_chinese(client, home):
    response = client.post("/zh-hans/alerts/", subscribe_data(email="not an address"))

    page = soup(response, status=400)
    assert "有效" in page.select_one(".error-summary").get_text()  # Django's own "Enter a valid email address."
    assert page.select_one(".error-summary h2").get_text(strip=True) == "请修改以下内容"


def test_the_honeypot_gets_the_usual_answer_and_stores_nothing(client, home):
    response = subscribe(client, website="http://spam.example")

    assert response["Location"] == "/en/alerts/sent/"
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_one_address_gets_at_most_three_emails_an_hour_with_the_same_answer(client, home, settings):
    for _send in range(5):
        response = subscribe(client, submission_key="")
        assert response["Location"] == "/en/alerts/sent/"

    assert len(mail.outbox) == settings.ALERTS_SUBSCRIBE_EMAIL_RATE[0] == 3


def test_a_network_sending_too_many_forms_is_stopped_in_its_language(client, home, settings):
    settings.ALERTS_SUBSCRIBE_RATE = (2, 3600)
    for number in range(2):
        assert subscribe(client, email=f"r{number}@example.org").status_code == 302

    english = soup(subscribe(client, email="late@example.org"), status=429)
    chinese = soup(subscribe(client, "zh-hans", email="late@example.org"), status=429)

    assert "Many subscriptions have come from your network" in english.select_one(".error-summary").get_text()
    assert "late@example.org" == english.find("input", attrs={"name": "email"})["value"]
    assert "您所在的网络" in chinese.select_one(".error-summary").get_text()
    assert not Subscription.objects.filter(email="late@example.org").exists()
