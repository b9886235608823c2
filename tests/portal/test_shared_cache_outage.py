"""Without its shared cache (Redis down or unreachable) the site still serves, publishes and takes forms."""

import logging

import pytest

from cns.factories import CNSHomePageFactory, FeedbackTopicFactory
from cns.models import Feedback
from portal.factories import StandardPageFactory
from portal.ratelimit import _local_counts

pytestmark = pytest.mark.django_db

# Nothing listens on port 1, so every cache call is refused at once. The two caches as the
# settings make them for a REDIS_URL (tests/portal/test_settings.py checks that they do).
UNREACHABLE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
}
UNREACHABLE_REDIS = {
    "default": {**UNREACHABLE, "OPTIONS": {**UNREACHABLE["OPTIONS"], "IGNORE_EXCEPTIONS": True}},
    "ratelimit": UNREACHABLE,
}


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PAGE_CACHE_SECONDS = 300
    _local_counts.clear()
    yield
    _local_counts.clear()


def test_pages_are_served_uncached_and_the_outage_is_logged(client, home, caplog):
    StandardPageFactory(parent=home, slug="about", title_en="About us")

    with caplog.at_level(logging.ERROR, logger="portal.shared_cache"):
        response = client.get("/en/about/")
    again = client.get("/en/about/")

    assert response.status_code == again.status_code == 200
    assert "About us" in again.content.decode()
    assert again["X-Page-Cache"] == "miss"
    outage = [record for record in caplog.records if record.name == "portal.shared_cache"]
    assert outage and all(record.levelno == logging.ERROR for record in outage)
    assert "127.0.0.1:1" in caplog.text  # the log says which Redis failed


def test_publishing_still_works(home):
    page = StandardPageFactory(parent=home, slug="about", title_en="Old title")
    page.title_en = "New title"

    page.save_revision().publish()

    page.refresh_from_db()
    assert page.live and page.title_en == "New title"


def test_a_resident_can_still_send_feedback(client, home):
    CNSHomePageFactory(parent=home)
    topic = FeedbackTopicFactory(name_en="Transport")
    answers = {
        "topic": topic.pk,
        "message": "The crossing near the school needs a longer green light.",
        "consent": "on",
    }

    response = client.post("/en/cns/feedback/", answers)

    assert response.status_code == 302
    assert Feedback.objects.get().message == answers["message"]


def test_admin_sign_in_is_still_refused_after_five_failures(client, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "right-password")

    def sign_in(password):
        return client.post("/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR="203.0.113.7")

    for _attempt in range(5):
        assert sign_in("wrong").status_code == 200
    blocked = sign_in("right-password")

    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_feedback_is_still_limited_per_address(client, home, settings, caplog):
    settings.CNS_FEEDBACK_RATE_LIMIT = 2
    CNSHomePageFactory(parent=home)
    topic = FeedbackTopicFactory(name_en="Transport")

    with caplog.at_level(logging.WARNING, logger="portal.ratelimit"):
        statuses = [
            client.post(
                "/en/cns/feedback/",
                {"topic": topic.pk, "message": f"Message number {number} about the bus stops.", "consent": "on"},
            ).status_code
            for number in range(3)
        ]

    assert statuses == [302, 302, 429]
    assert Feedback.objects.count() == 2
    assert "counted in this process only" in caplog.text
