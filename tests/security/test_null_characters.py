"""A NUL character typed or pasted into any field of a public form is refused with a message.

PostgreSQL cannot store NUL in text, so a field that let one through answered 500 and lost
the visitor's message. Every text field of every public form is tried, in both languages.
"""

import pytest

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from cns.factories import CNSHomePageFactory, FeedbackTopicFactory
from cns.models import Feedback
from pressroom.factories import PressroomPageFactory
from pressroom.models import JournalistRegistration

from .conftest import parse, png_bytes

pytestmark = pytest.mark.django_db

NUL = "with a \x00 in it"


@pytest.fixture(autouse=True)
def _no_rate_limits_counted(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()
    yield
    cache.clear()


def feedback_answers(topic):
    return {
        "topic": topic.pk,
        "message": "Please add English signs at the bus stops near the community centre.",
        "name": "Ana",
        "email": "ana@example.org",
        "consent": "on",
    }


def registration_answers():
    return {
        "full_name": "Li Wei",
        "native_name": "李伟",
        "outlet": "Example Broadcasting",
        "outlet_country": "Singapore",
        "position": "Correspondent",
        "nationality": "Singaporean",
        "press_card_number": "SG-2024-118",
        "email": "li.wei@example.org",
        "phone": "+65 6000 0000",
        "wechat_id": "liwei",
        "working_languages": "English, Chinese",
        "consent": "on",
        "interviews-TOTAL_FORMS": "1",
        "interviews-INITIAL_FORMS": "0",
        "interviews-MIN_NUM_FORMS": "1",
        "interviews-MAX_NUM_FORMS": "5",
        "interviews-0-topic": "Services for international residents",
        "interviews-0-agencies_wished": "Foreign Affairs Office",
        "interviews-0-preferred_dates": "Any weekday in June",
        "interviews-0-notes": "Morning preferred.",
    }


def refused(response, field):
    assert response.status_code == 400
    error = parse(response).find(id=f"id_{field}_error") or parse(response).find(id=f"id_{field}_errors")
    assert error is not None and error.get_text(strip=True), f"no message by {field}"
    return error.get_text(strip=True)


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
@pytest.mark.parametrize("field", ["message", "name", "email"])
def test_feedback(client, home, prefix, field):
    CNSHomePageFactory(parent=home)
    answers = feedback_answers(FeedbackTopicFactory())
    answers[field] += NUL

    message = refused(client.post(f"/{prefix}/cns/feedback/", answers), field)

    assert not Feedback.objects.exists()
    if prefix == "zh-hans":
        assert not message.isascii()


TYPED_REGISTRATION_FIELDS = [name for name in registration_answers() if name != "consent" and "_FORMS" not in name]


@pytest.mark.parametrize("field", TYPED_REGISTRATION_FIELDS)
def test_journalist_registration(client, home, field):
    PressroomPageFactory(parent=home)
    answers = registration_answers()
    answers[field] += NUL
    answers["credential_upload"] = SimpleUploadedFile("card.png", png_bytes(), content_type="image/png")

    refused(client.post("/zh-hans/press/register/", answers), field)

    assert not JournalistRegistration.objects.exists()


@pytest.mark.parametrize("field", ["reference", "email"])
def test_registration_status_lookup(client, home, field):
    PressroomPageFactory(parent=home)
    answers = {"reference": "PR-ABCD-EFGH-JKMN", "email": "li.wei@example.org"}
    answers[field] += NUL

    refused(client.post("/en/press/status/", answers), field)
