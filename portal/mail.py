"""Outgoing mail through the background worker.

Django's EMAIL_BACKEND is `QueuedEmailBackend`: sending a message (ours, Wagtail's moderation
notices, a password reset) stores it as a `deliver_email` task in the site's database, inside
the transaction of whatever it is about, so a visitor's answer never waits for or depends on
the mail server, and a message is never lost when the server is away. The worker
(`manage.py run_worker`) delivers it through EMAIL_DELIVERY_BACKEND and, while the server
refuses for now or cannot be reached, tries again with growing pauses.
"""

import base64
import logging
import smtplib
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

logger = logging.getLogger(__name__)

LONGEST_PAUSE_SECONDS = 60 * 60


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(message_to_dict(message))
        return len(email_messages)


def message_to_dict(message):
    """What a task can store of an EmailMessage: JSON only, attachments in base64."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("Queued mail takes attachments as (filename, content, mimetype).")
        filename, content, mimetype = attachment
        data = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(data).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def message_from_dict(fields):
    message = EmailMultiAlternatives(
        subject=fields["subject"],
        body=fields["body"],
        from_email=fields["from_email"],
        to=fields["to"],
        cc=fields["cc"],
        bcc=fields["bcc"],
        reply_to=fields["reply_to"],
        headers=fields["headers"],
        alternatives=[tuple(alternative) for alternative in fields["alternatives"]],
    )
    for filename, data, mimetype in fields["attachments"]:
        message.attach(filename, base64.b64decode(data), mimetype)
    return message


def is_temporary(error):
    """Whether the mail server may take the message later: it is away, or answered 4xx."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(400 <= code < 500 for code, _reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, (smtplib.SMTPException, OSError))


def pause_before(attempt):
    return min(settings.EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), LONGEST_PAUSE_SECONDS)


@task()
def deliver_email(message, attempt=1):
    email = message_from_dict(message)
    try:
        with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([email])
    except Exception as error:
        if not is_temporary(error) or attempt >= settings.EMAIL_MAX_ATTEMPTS:
            logger.error("Giving up on the email %r to %s after %d attempts.", email.subject, email.to, attempt)
            raise
        pause = pause_before(attempt)
        deliver_email.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(message, attempt=attempt + 1)
        logger.warning("The mail server did not take an email (%s); trying again in %d s.", error, pause)
