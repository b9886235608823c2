"""Mail goes through the worker's queue: stored with what it is about, delivered as written,
tried again while the mail server is away, never lost and never sent inside a request."""

import json
import smtplib
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.utils import timezone

from portal.mail import deliver_email, is_temporary, message_from_dict, message_to_dict, pause_before
from tests.processes import free_port

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings):
    """The production queue (the site's database) instead of the test settings' immediate one."""
    settings.TASKS = DATABASE_QUEUE
    return DBTaskResult.objects


def stored(queue):
    return [json.loads(json.dumps(result.args_kwargs)) for result in queue.order_by("enqueued_at")]


def test_sending_mail_stores_it_for_the_worker_and_sends_nothing(queue):
    send_mail("Your registration", "Body", None, ["reporter@example.org"])

    assert mail.outbox == []
    [task] = queue.all()
    assert task.task_path == "portal.mail.deliver_email"
    assert task.args_kwargs["args"][0]["to"] == ["reporter@example.org"]


def test_mail_of_a_rolled_back_change_is_never_sent(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Your registration", "Body", None, ["reporter@example.org"])
        raise RuntimeError("the registration could not be stored")

    assert queue.count() == 0


def test_the_worker_delivers_the_message_as_it_was_written(settings):
    message = EmailMultiAlternatives(
        "登记确认 Registration", "Plain text", "office@example.org", ["a@example.org"], bcc=["audit@example.org"]
    )
    message.reply_to = ["press@example.org"]
    message.extra_headers["List-Id"] = "press.example.org"
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("note.txt", b"attached", "text/plain")

    deliver_email.call(json.loads(json.dumps(message_to_dict(message))))

    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email, sent.to, sent.bcc, sent.reply_to) == (
        "登记确认 Registration",
        "Plain text",
        "office@example.org",
        ["a@example.org"],
        ["audit@example.org"],
        ["press@example.org"],
    )
    assert sent.extra_headers["List-Id"] == "press.example.org"
    assert sent.alternatives[0][:2] == ("<p>HTML</p>", "text/html")
    assert sent.attachments[0][:3] == message.attachments[0][:3] == ("note.txt", "attached", "text/plain")


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    return settings


def test_a_send_while_the_mail_server_is_away_is_tried_again_later(queue, smtp_settings):
    message = message_to_dict(EmailMultiAlternatives("Subject", "Body", None, ["a@example.org"]))
    before = timezone.now()

    deliver_email.call(message)  # nothing listens on EMAIL_PORT

    [retry] = queue.all()
    assert retry.args_kwargs == {"args": [message], "kwargs": {"attempt": 2}}
    assert retry.run_after >= before + timedelta(seconds=smtp_settings.EMAIL_RETRY_SECONDS)


def test_pauses_between_tries_grow_and_stay_under_an_hour(settings):
    settings.EMAIL_RETRY_SECONDS = 30

    assert [pause_before(attempt) for attempt in (1, 2, 3)] == [30, 60, 120]
    assert pause_before(20) == 3600


class RefusingServer:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


def test_a_permanent_refusal_is_not_tried_again(queue, smtp_settings):
    controller = Controller(RefusingServer(), hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            deliver_email.call(message_to_dict(EmailMultiAlternatives("Subject", "Body", None, ["gone@example.org"])))
    finally:
        controller.stop()

    assert queue.count() == 0


@pytest.mark.parametrize(
    ("error", "temporary"),
    [
        (ConnectionRefusedError(), True),
        (smtplib.SMTPServerDisconnected(), True),
        (smtplib.SMTPResponseException(451, b"try later"), True),
        (smtplib.SMTPResponseException(554, b"rejected"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"busy")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"unknown")}), False),
        (ValueError("a bug"), False),
    ],
)
def test_what_counts_as_a_passing_refusal(error, temporary):
    assert is_temporary(error) is temporary


def test_a_stored_message_comes_back_whole():
    message = EmailMultiAlternatives("Subject", "Body", "from@example.org", ["to@example.org"])

    copy = message_from_dict(message_to_dict(message))

    assert message_to_dict(copy) == message_to_dict(message)
