"""Without its shared cache (Redis down or unreachable) the site still serves, publishes and takes forms."""

import logging

import pytest

from cns.factories import CNSHomePageFactory, FeedbackTopicFactory
from cns.models import Feedback
from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Nothing listens on the discard port, so every cache call is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PAGE_CACHE_SECONDS = 300


def test_pages_are_served_uncached_and_the_outage_is_logged(client, home, caplog, monkeypatch):
    StandardPageFactory(parent=home, slug="about", title_en="About us")

    with caplog.at_level(logging.ERROR, logger="portal.cache"):
        monkeypatch.setattr("portal.cache._last_logged", 0.0)
        response = client.get("/en/about/")
    again = client.get("/en/about/")

    assert response.status_code == again.status_code == 200
    assert "About us" in again.content.decode()
    assert again["X-Page-Cache"] == "miss"
    assert "Shared cache unreachable" in caplog.text


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
