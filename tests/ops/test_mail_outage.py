"""The mail server is away while a journalist registers: the answer does not change, and the
email arrives once, after the server is back."""

import time

import pytest
from aiosmtpd.controller import Controller

from tests.load.visitors import Visitor, register
from tests.processes import free_port, running, wait_for


class Inbox:
    """aiosmtpd handler that keeps what it is sent."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def to(self, address):
        return [content for recipients, content in self.messages if address in recipients]


@pytest.fixture
def mail_server_port():
    return free_port()


@pytest.fixture
def processes(demo_site, tmp_path, mail_server_port):
    """The web process and two workers (as on two machines), with the mail server away."""
    environment = {
        **demo_site,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_server_port),
        "EMAIL_TIMEOUT": "5",
        "EMAIL_RETRY_SECONDS": "1",
    }
    with running(("web", "worker", "worker"), environment, tmp_path) as started:
        yield started


def test_a_registration_during_a_mail_outage_is_answered_and_its_email_sent_once_later(processes, mail_server_port):
    web, *workers = processes
    journalist = Visitor("203.0.113.41")
    email = "outage.reporter@example.org"

    response = register(journalist, web, 1, email)

    assert response.status_code == 302, response.text[:2000]
    sent_page = journalist.get(web, response.headers["Location"])
    assert sent_page.status_code == 200
    assert "Check your email" in sent_page.text
    # The worker tries while nothing listens on the mail port, and keeps the message.
    assert wait_for(lambda: any("trying again" in worker.log_text() for worker in workers), seconds=15)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=mail_server_port)
    controller.start()
    try:
        assert wait_for(lambda: inbox.to(email), seconds=30), "no email arrived:\n" + "\n".join(
            worker.log_tail() for worker in workers
        )
        time.sleep(3)  # time for a second copy, if one were coming
        messages = inbox.to(email)
    finally:
        controller.stop()

    assert len(messages) == 1
    assert "/press/register/confirm/" in messages[0]
    assert "Internal Server Error" not in web.log_text()
