"""A NUL character typed or pasted into any field of a public form is refused with a message.

PostgreSQL cannot store NUL in text, so a field that let one through answered 500 and lost
the visitor's message. Every text field of every public form is tried, in both languages.
"""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from cns.factories import CNSHomePageFactory, FeedbackTopicFactory, feedback_form_data
from cns.models import Feedback
from pressroom.factories import PressroomPageFactory, registration_form_data
from pressroom.models import JournalistRegistration
from tests.kit import soup

from .conftest import png_bytes

pytestmark = pytest.mark.django_db

NUL = "with a \x00 in it"


def registration_answers():
    return registration_form_data(
        wechat_id="liwei", **{"interviews-TOTAL_FORMS": "1", "interviews-0-notes": "Mornings."}
    )


def refused(response, field):
    page = soup(response, status=400)
    error = page.find(id=f"id_{field}_error") or page.find(id=f"id_{field}_errors")
    assert error is not None and error.get_text(strip=True), f"no message by {field}"
    return error.get_text(strip=True)


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
@pytest.mark.parametrize("field", ["message", "name", "email"])
def test_feedback(client, home, prefix, field):
    CNSHomePageFactory(parent=home)
    answers = feedback_form_data(FeedbackTopicFactory())
    answers[field] += NUL

    message = refused(client.post(f"/{prefix}/cns/feedback/", answers), field)

    assert not Feedback.objects.exists()
    if prefix == "zh-hans":
        assert not message.isascii()


TYPED_REGISTRATION_FIELDS = [
    name for name in registration_answers() if name not in ("consent", "website") and "_FORMS" not in name
]


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
