"""Feedback handlers in the admin: an excerpt of each message in the list, assignment to a handler,
internal notes with author and time that only handlers see, and an email on each new message
(through the mail queue, in the handler's language)."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.users.models import UserProfile

from cns.factories import FeedbackFactory, FeedbackTopicFactory, feedback_form_data
from cns.models import Feedback, FeedbackNote
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

ADMIN = "/admin/cns/feedback/"
MOMENT = datetime.datetime(2026, 12, 1, 6, 5, 42, tzinfo=datetime.UTC)  # 14:05 in Beijing


@pytest.fixture
def handler(db):
    return staff_user("CNS feedback handlers", username="handler", first_name="Li", last_name="Na")


@pytest.fixture
def topic(db):
    return FeedbackTopicFactory(name_en="Transport", name_zh_hans="交通")


def test_the_list_shows_an_excerpt_of_each_message(client, handler, topic):
    FeedbackFactory(topic=topic, message="The bus stop near the centre has no timetable in English. " * 5)
    client.force_login(handler)

    page = soup(client.get(ADMIN))

    [link] = [a for a in page.select("tbody a") if "The bus stop near the centre" in a.get_text()]
    assert link.get_text(strip=True).endswith("…")
    assert len(link.get_text(strip=True)) <= 90


def test_the_list_reads_in_a_constant_number_of_queries(client, handler, topic):
    client.force_login(handler)
    FeedbackFactory(topic=topic, assigned_to=handler)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ADMIN).status_code == 200
        return len(captured)

    before = queries()
    for _ in range(4):
        FeedbackFactory(topic=FeedbackTopicFactory(), assigned_to=handler)

    assert queries() == before


def test_a_message_is_assigned_to_a_handler_and_gets_a_note(client, handler, topic):
    feedback = FeedbackFactory(topic=topic)
    client.force_login(handler)

    response = client.post(
        f"{ADMIN}edit/{feedback.pk}/",
        {"assigned_to": handler.pk, "status": "in-progress", "new_note": "Asked the transport bureau."},
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.assigned_to == handler and feedback.status == "in-progress"
    [note] = feedback.notes.all()
    assert (note.author, note.text) == (handler, "Asked the transport bureau.")


def test_only_feedback_handlers_are_offered_for_assignment(client, handler, topic):
    editor = staff_user("Editors", username="editor")
    feedback = FeedbackFactory(topic=topic)
    client.force_login(handler)

    page = soup(client.get(f"{ADMIN}edit/{feedback.pk}/"))
    refused = client.post(f"{ADMIN}edit/{feedback.pk}/", {"assigned_to": editor.pk, "status": "new"})

    offered = {
        option.get_text(strip=True) for option in page.select("select[name=assigned_to] option") if option["value"]
    }
    assert offered == {"Li Na"}
    assert refused.status_code == 200
    feedback.refresh_from_db()
    assert feedback.assigned_to is None


def test_notes_show_their_author_and_beijing_time(client, handler, topic):
    feedback = FeedbackFactory(topic=topic, message="Please add English signs.")
    FeedbackNote.objects.create(feedback=feedback, author=handler, text="Called the resident back.", created_at=MOMENT)
    client.force_login(handler)

    for url in (f"{ADMIN}edit/{feedback.pk}/", f"{ADMIN}inspect/{feedback.pk}/"):
        [note] = soup(client.get(url)).select(".cns-feedback__notes li")

        text = note.get_text(" ", strip=True)
        assert "2026-12-01 14:05 (Beijing time)" in text, url
        assert "handler" in text and "Called the resident back." in text, url


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Press officers"])
def test_other_staff_never_see_the_notes(client, topic, group):
    feedback = FeedbackFactory(topic=topic)
    FeedbackNote.objects.create(feedback=feedback, text="Internal: resident is a neighbour of the mayor.")
    client.force_login(staff_user(group, username="other"))

    for url in (f"{ADMIN}edit/{feedback.pk}/", f"{ADMIN}inspect/{feedback.pk}/", f"{ADMIN}?export=csv"):
        response = client.get(url)

        assert response.status_code in (302, 403), url
        assert b"neighbour of the mayor" not in response.content, url


def test_a_long_note_is_refused_with_a_message(client, handler, topic):
    feedback = FeedbackFactory(topic=topic)
    client.force_login(handler)

    response = client.post(f"{ADMIN}edit/{feedback.pk}/", {"status": "new", "new_note": "x" * 2001})

    assert response.status_code == 200
    assert "2000" in soup(response).get_text()
    assert not feedback.notes.exists()


def test_handlers_are_emailed_in_their_language_when_a_resident_writes(client, cns, topic, mailoutbox):
    english = staff_user("CNS feedback handlers", username="english")
    chinese = staff_user("CNS feedback handlers", username="chinese")
    UserProfile.objects.update_or_create(user=chinese, defaults={"preferred_language": "zh-hans"})
    staff_user("Editors", username="editor")

    response = client.post("/en/cns/feedback/", feedback_form_data(topic, message="Private words of a resident."))

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {english.email, chinese.email}
    assert "Transport" in by_address[english.email].body
    assert "交通" in by_address[chinese.email].body  # the topic's name in the handler's language
    for message in by_address.values():
        assert f"/admin/cns/feedback/edit/{feedback.pk}/" in message.body
        assert "Private words" not in message.body and "ana@example.org" not in message.body


def test_the_handlers_notice_goes_through_the_worker_queue(settings, topic):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handler = staff_user("CNS feedback handlers", username="queued")

    FeedbackFactory(topic=topic)

    [task] = DBTaskResult.objects.filter(task_path="portal.mail.deliver_email")  # stored, not sent
    assert task.args_kwargs["args"][0]["to"] == [handler.email]
