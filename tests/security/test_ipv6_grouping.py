"""Rate limits count an IPv6 client by its /64 (what one subscriber usually gets), an IPv4 client by its address."""

import pytest

from cns.factories import CNSHomePageFactory, FeedbackTopicFactory, feedback_form_data
from cns.models import Feedback

pytestmark = pytest.mark.django_db

FEEDBACK = "/en/cns/feedback/"
TOO_MANY = "You have sent several messages in a short time."


@pytest.fixture
def topic(home, settings):
    settings.CNS_FEEDBACK_RATE_LIMIT = 2
    CNSHomePageFactory(parent=home)
    return FeedbackTopicFactory(name_en="Transport")


def send_feedback(client, topic, **meta):
    return client.post(FEEDBACK, feedback_form_data(topic), **meta)


def test_addresses_in_one_ipv6_64_share_one_count(client, topic):
    for address in ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe"):
        assert send_feedback(client, topic, REMOTE_ADDR=address).status_code == 302

    blocked = send_feedback(client, topic, REMOTE_ADDR="2001:db8:1:2:abcd::42")

    assert blocked.status_code == 429
    assert TOO_MANY in blocked.content.decode()
    assert Feedback.objects.count() == 2


def test_another_ipv6_64_has_a_count_of_its_own(client, topic):
    for _message in range(3):
        send_feedback(client, topic, REMOTE_ADDR="2001:db8:1:2::1")

    # The neighbouring /64, and the same one written another way (upper case, no zero compression).
    assert send_feedback(client, topic, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302
    assert send_feedback(client, topic, REMOTE_ADDR="2001:DB8:1:2:0:0:0:7").status_code == 429


def test_ipv4_addresses_are_counted_one_by_one(client, topic):
    for _message in range(2):
        assert send_feedback(client, topic, REMOTE_ADDR="203.0.113.7").status_code == 302

    assert send_feedback(client, topic, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert send_feedback(client, topic, REMOTE_ADDR="203.0.113.8").status_code == 302


def test_an_ipv4_mapped_address_counts_as_the_ipv4_address(client, topic):
    for _message in range(2):
        assert send_feedback(client, topic, REMOTE_ADDR="203.0.113.7").status_code == 302

    blocked = send_feedback(client, topic, REMOTE_ADDR="::ffff:203.0.113.7")

    assert blocked.status_code == 429
    assert TOO_MANY in blocked.content.decode()


def test_behind_a_trusted_proxy_the_forwarded_ipv6_address_is_grouped(client, topic, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for address in ("2001:db8:9:9::1", "2001:db8:9:9::2"):
        assert send_feedback(client, topic, HTTP_X_FORWARDED_FOR=address, **proxy).status_code == 302

    assert send_feedback(client, topic, HTTP_X_FORWARDED_FOR="2001:db8:9:9::3", **proxy).status_code == 429
    assert send_feedback(client, topic, HTTP_X_FORWARDED_FOR="2001:db8:9:a::1", **proxy).status_code == 302


@pytest.mark.parametrize(
    "meta",
    [
        {"REMOTE_ADDR": "not-an-address"},
        {"REMOTE_ADDR": "[2001:db8::1]"},
        {"REMOTE_ADDR": ""},
    ],
    ids=["word", "bracketed", "empty"],
)
def test_an_address_that_is_not_one_is_counted_as_given(client, topic, meta):
    statuses = [send_feedback(client, topic, **meta).status_code for _message in range(3)]

    assert statuses == [302, 302, 429]


def test_a_garbage_forwarded_address_is_counted_as_given(client, topic, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    statuses = [
        send_feedback(client, topic, HTTP_X_FORWARDED_FOR="unknown", **proxy).status_code for _message in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert send_feedback(client, topic, HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy).status_code == 302


def test_staff_sign_in_counts_one_ipv6_64_as_one_address(client, settings):
    settings.ADMIN_LOGIN_ADDRESS_RATE = (2, 15 * 60)

    def sign_in(username, address):
        return client.post("/admin/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=address)

    # Different accounts, so that only the address's count can refuse.
    assert sign_in("first", "2001:db8:5:5::1").status_code == 200
    assert sign_in("second", "2001:db8:5:5::2").status_code == 200
    blocked = sign_in("third", "2001:db8:5:5::3")

    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts" in blocked.content.decode()
    assert sign_in("fourth", "2001:db8:5:6::1").status_code == 200
