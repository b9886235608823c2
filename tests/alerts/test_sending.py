"""A publish emails each subscriber of its list once, through a real SMTP server (aiosmtpd):
in their language, in batches, with the one-click unsubscribe; daily subscribers get one digest."""

import email
import time
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

from alerts.factories import SubscriptionFactory
from alerts.models import PageAlert, Subscription
from cns.factories import ArticlePageFactory, ArticleTopicFactory, EventPageFactory
from pressroom.factories import PressReleasePageFactory, PressTopicFactory
from tests.ops.test_mail_outage import Inbox
from tests.processes import free_port

from .conftest import link, publish, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    """A real SMTP server that the worker (the test settings run its tasks at once) delivers to."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    server = Inbox()
    controller = Controller(server, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    yield server
    controller.stop()


def received(inbox, address):
    """The messages `address` received, parsed (headers decoded)."""
    return [email.message_from_string(content, policy=policy.default) for content in inbox.to(address)]


def header(message, name):
    """A header's value, unfolded (a long one may start on the next line)."""
    return " ".join(str(message[name]).split())


def body_of(message):
    return message.get_body(("plain",)).get_content()


def one_click(client, path):
    return client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")


class Received:
    """An SMTP message with the `body` attribute the conftest's link() reads."""

    def __init__(self, message):
        self.body = body_of(message)


def test_a_confirmed_subscriber_gets_the_next_release_once_and_leaves_with_one_post(client, pressroom, inbox, settings):
    settings.ALERTS_BATCH_SIZE = 2  # four subscribers: two full batches and an empty one
    economy, culture = PressTopicFactory(slug="economy"), PressTopicFactory(slug="culture")
    for prefix, address in (("en", "english@example.org"), ("zh-hans", "chinese@example.org")):
        assert subscribe(client, prefix, email=address).status_code == 302
        [confirmation] = received(inbox, address)
        assert client.post(link(Received(confirmation), "confirm")).status_code == 200
    whole_list = SubscriptionFactory(email="whole@example.org")
    on_topic = SubscriptionFactory(email="economy@example.org", press_topic=economy)
    SubscriptionFactory(email="culture@example.org", press_topic=culture)
    SubscriptionFactory(email="unconfirmed@example.org", confirmed_at=None)
    SubscriptionFactory(email="news@example.org", list_key="news")
    SubscriptionFactory(email="events@example.org", list_key="events")
    SubscriptionFactory(email="daily@example.org", frequency="daily")
    inbox.messages.clear()

    release = PressReleasePageFactory(
        parent=pressroom, live=False, title_en="Metro line 21 opens", title_zh_hans="地铁21号线开通"
    )
    release.topics.set([economy])
    publish(release)

    recipients = sorted(address for addresses, _content in inbox.messages for address in addresses)
    assert recipients == sorted(["english@example.org", "chinese@example.org", whole_list.email, on_topic.email])
    [english] = received(inbox, "english@example.org")
    [chinese] = received(inbox, "chinese@example.org")
    assert "Metro line 21 opens" in english["Subject"]
    assert "Metro line 21 opens" in body_of(english)
    assert "http://localhost:8000/en/press/" in body_of(english)
    assert "地铁21号线开通" in chinese["Subject"]
    assert "http://localhost:8000/zh-hans/press/" in body_of(chinese)
    assert header(english, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    unsubscribe_url = header(english, "List-Unsubscribe").strip("<>")
    assert unsubscribe_url.startswith("http://localhost:8000/en/alerts/unsubscribe/")
    assert header(chinese, "List-Unsubscribe").startswith("<http://localhost:8000/zh-hans/alerts/unsubscribe/")
    assert "/en/alerts/manage/" in body_of(english)

    # Re-publishing (a correction) emails nobody.
    inbox.messages.clear()
    publish(release, title_en="Metro line 21 opens today")
    assert inbox.messages == []
    assert PageAlert.objects.count() == 1

    # RFC 8058: the mail program POSTs to the header's address, with no cookie and no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    path = "/" + unsubscribe_url.split("://", 1)[1].split("/", 1)[1]
    assert one_click(mail_program, path).status_code == 200
    assert not Subscription.objects.filter(email="english@example.org").exists()
    assert one_click(mail_program, path).status_code == 200  # a second click: still unsubscribed

    publish(PressReleasePageFactory(parent=pressroom, live=False))
    assert not inbox.to("english@example.org")
    assert len(inbox.to("chinese@example.org")) == 1


def test_opening_the_unsubscribe_link_asks_first(client, home):
    subscription = SubscriptionFactory()
    path = f"/en/alerts/unsubscribe/{subscription.manage_token}/"

    assert client.get(path).status_code == 200  # mail scanners open links: that unsubscribes nobody
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.post(path).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_forged_link_opens_nothing(client, home):
    subscription = SubscriptionFactory()

    for route in ("manage", "unsubscribe"):
        assert client.get(f"/en/alerts/{route}/{subscription.key}.forged/").status_code == 404
        assert client.post(f"/en/alerts/{route}/{subscription.key}/").status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_scheduled_release_is_announced_when_it_goes_live(pressroom):
    SubscriptionFactory(email="reporter@example.org")
    release = PressReleasePageFactory(parent=pressroom, live=False)

    publish(release, go_live_at=timezone.now() + timedelta(seconds=1))
    assert not mail.outbox
    time.sleep(1.2)
    call_command("publish_scheduled")

    [message] = mail.outbox
    assert message.to == ["reporter@example.org"]


def test_a_private_page_and_other_page_types_are_not_announced(pressroom, cns):
    SubscriptionFactory(list_key="releases")
    release = PressReleasePageFactory(parent=pressroom, live=False)
    PageViewRestriction.objects.create(page=pressroom, restriction_type=PageViewRestriction.LOGIN)

    publish(release)

    assert not mail.outbox


def test_news_and_events_go_to_their_lists(cns):
    housing = ArticleTopicFactory(slug="housing")
    news_reader = SubscriptionFactory(list_key="news", article_topic=housing, language="zh-hans")
    SubscriptionFactory(list_key="news", article_topic=ArticleTopicFactory(slug="visas"))
    event_goer = SubscriptionFactory(list_key="events")

    article = ArticlePageFactory(parent=cns, live=False, title_zh_hans="新住房政策")
    article.topics.set([housing])
    publish(article)
    publish(EventPageFactory(parent=cns, live=False))

    assert [message.to for message in mail.outbox] == [[news_reader.email], [event_goer.email]]
    assert "新住房政策" in mail.outbox[0].subject
    assert "/zh-hans/cns/" in mail.outbox[0].body


def test_a_daily_subscriber_gets_one_digest_of_the_day(pressroom, cns):
    yesterday = timezone.now() - timedelta(days=1)
    daily = SubscriptionFactory(email="daily@example.org", frequency="daily", created_at=yesterday - timedelta(days=1))
    SubscriptionFactory(email="daily-news@example.org", list_key="news", frequency="daily")
    first = PressReleasePageFactory(parent=pressroom, live=False, title_en="First release")
    second = PressReleasePageFactory(parent=pressroom, live=False, title_en="Second release")
    publish(first)
    publish(second)
    assert not mail.outbox  # nothing at once for a daily subscriber
    # Published yesterday, Beijing time: today's digest lists them.
    PageAlert.objects.update(published_at=timezone.localtime(yesterday).replace(hour=12))

    call_command("send_daily_alerts", verbosity=0)
    call_command("send_daily_alerts", verbosity=0)

    [digest] = mail.outbox
    assert digest.to == [daily.email]
    assert "First release" in digest.body and "Second release" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/alerts/manage/" in digest.body


def test_the_digest_leaves_todays_pages_for_tomorrow(pressroom):
    SubscriptionFactory(frequency="daily", created_at=timezone.now() - timedelta(days=2))
    publish(PressReleasePageFactory(parent=pressroom, live=False))

    call_command("send_daily_alerts", verbosity=0)

    assert not mail.outbox
    assert Subscription.objects.get().digest_from.hour == 16  # midnight in Beijing, 16:00 UTC the day before


def test_digests_go_out_in_batches(pressroom, settings):
    settings.ALERTS_BATCH_SIZE = 2
    long_ago = timezone.now() - timedelta(days=3)
    for number in range(5):
        SubscriptionFactory(email=f"d{number}@example.org", frequency="daily", created_at=long_ago)
    publish(PressReleasePageFactory(parent=pressroom, live=False))
    PageAlert.objects.update(published_at=long_ago + timedelta(days=1))

    call_command("send_daily_alerts", verbosity=0)

    assert sorted(message.to[0] for message in mail.outbox) == [f"d{number}@example.org" for number in range(5)]


def test_the_daily_job_runs_from_the_clock(settings):
    assert ("alert-digests", 24 * 60 * 60, ["send_daily_alerts"]) in settings.CLOCK_JOBS


@pytest.mark.parametrize("subscribers", [3, 12])
def test_a_batch_costs_the_same_queries_however_many_subscribers(
    pressroom, settings, subscribers, django_assert_max_num_queries
):
    from alerts.tasks import send_page_alerts

    settings.ALERTS_BATCH_SIZE = 20
    for number in range(subscribers):
        SubscriptionFactory(email=f"s{number}@example.org", language=("en", "zh-hans")[number % 2])
    release = PressReleasePageFactory(parent=pressroom, live=False)
    publish(release)
    mail.outbox.clear()
    PageAlert.objects.update(sent_up_to=0, finished_at=None)

    with django_assert_max_num_queries(12):
        send_page_alerts.call(PageAlert.objects.get().pk)

    assert len(mail.outbox) == subscribers
