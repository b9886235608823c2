"""Staff sign-in as an attacker tries it: guessing while blocked, from many addresses, in parallel,
between sign-ins of one's own, through the password reset and a cross-site sign-out."""

import re
import threading
import time

import pytest

from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.test import Client

from tests.kit import staff_user

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.7"


@pytest.fixture
def staff(db):
    """A moderator (the account under attack), a colleague in the same office, an intern."""
    return {
        name: staff_user(superuser=True, username=name, password=f"{name}-password")
        for name in ("moderator", "colleague", "intern")
    }


def sign_in(client, username, password, address=OFFICE):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def password_checks(monkeypatch):
    """How many times a password was checked against the database (ModelBackend.authenticate)."""
    checks = []
    original = ModelBackend.authenticate

    def counted(self, request, username=None, password=None, **kwargs):
        checks.append(username)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counted)
    return checks


def without_csrf_tokens(response):
    """The page without its CSRF tokens (in the form and the admin's script settings), which
    Django masks anew in every response."""
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "<token>", response.content.decode())


def test_while_blocked_no_password_is_checked_and_every_answer_is_the_same(client, staff, password_checks):
    for _attempt in range(5):
        assert sign_in(client, "moderator", "guess").status_code == 200
    password_checks.clear()

    right = sign_in(client, "moderator", "moderator-password")
    wrong = sign_in(client, "moderator", "another-guess")

    assert password_checks == []
    assert right.status_code == wrong.status_code == 429
    assert without_csrf_tokens(right) == without_csrf_tokens(wrong)
    assert "Too many failed sign-in attempts" in right.content.decode()
    assert "didn&#x27;t match" not in right.content.decode() and "didn't match" not in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_guesses_at_one_account_from_many_addresses_are_limited(client, staff):
    for number in range(5):
        sign_in(client, "moderator", "guess", address=f"198.51.100.{number + 1}")

    response = sign_in(client, "moderator", "moderator-password", address="198.51.100.99")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_signing_in_to_ones_own_account_does_not_reset_the_count_of_another(client, staff):
    answers = []
    for _round in range(13):
        answers.append(sign_in(client, "moderator", "guess").status_code)
        assert sign_in(client, "intern", "intern-password").status_code == 302
        client.post("/admin/logout/")

    assert answers[:5] == [200] * 5
    assert set(answers[5:]) == {429}


def test_guesses_spread_over_many_accounts_from_one_address_are_limited(client, settings, staff):
    limit = settings.ADMIN_LOGIN_ADDRESS_RATE[0]
    for number in range(limit):
        sign_in(client, f"user{number}", "guess")

    assert sign_in(client, "colleague", "colleague-password").status_code == 429


def test_five_mistyped_passwords_lock_out_only_that_account_not_the_office(client, staff):
    for _attempt in range(5):
        sign_in(client, "moderator", "mistyped")

    assert sign_in(client, "colleague", "colleague-password").status_code == 302
    client.post("/admin/logout/")
    assert sign_in(client, "moderator", "moderator-password").status_code == 429


def test_parallel_guesses_are_counted_before_any_password_is_checked(staff, monkeypatch):
    # Each check takes a while (as a real password hash does), so that all 24 requests are in
    # flight together: counting after the check would let every one of them through.
    checks, lock = [], threading.Lock()

    def slow_check(self, request, username=None, password=None, **kwargs):
        with lock:
            checks.append(username)
        time.sleep(0.3)
        return None

    monkeypatch.setattr(ModelBackend, "authenticate", slow_check)
    start = threading.Barrier(24)
    statuses = []

    def guess(number):
        client = Client()
        start.wait()
        statuses.append(sign_in(client, "moderator", f"guess-{number}", address=f"192.0.2.{number + 1}").status_code)

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(checks) == 5
    assert sorted(statuses) == [200] * 5 + [429] * 19


def test_password_reset_emails_are_limited(client, staff):
    answers = [
        client.post("/admin/password_reset/", {"email": "moderator@example.org"}, REMOTE_ADDR=OFFICE)
        for _attempt in range(12)
    ]

    assert len([message for message in mail.outbox if "moderator@example.org" in message.to]) == 3
    assert [answer.status_code for answer in answers[:3]] == [302] * 3
    assert {answer.status_code for answer in answers[3:]} == {429}
    assert "Too many password reset requests" in answers[-1].content.decode()


def test_password_reset_from_one_address_is_limited_for_every_email(client, settings, staff):
    limit = settings.ADMIN_PASSWORD_RESET_ADDRESS_RATE[0]
    for number in range(limit):
        client.post("/admin/password_reset/", {"email": f"person{number}@example.org"}, REMOTE_ADDR=OFFICE)

    response = client.post("/admin/password_reset/", {"email": "colleague@example.org"}, REMOTE_ADDR=OFFICE)

    assert response.status_code == 429
    assert not any("colleague@example.org" in message.to for message in mail.outbox)


def test_a_get_to_the_sign_out_address_does_not_end_the_session(client, staff):
    client.force_login(staff["moderator"])

    response = client.get("/admin/logout/")

    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert client.get("/admin/").status_code == 200


def test_signing_out_by_post_ends_the_session(client, staff):
    client.force_login(staff["moderator"])

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302


def test_the_front_end_sign_in_checks_no_password_while_the_account_is_blocked(client, staff, password_checks):
    for _attempt in range(5):
        sign_in(client, "moderator", "guess")
    password_checks.clear()

    response = client.post(
        "/en/_util/login/", {"username": "moderator", "password": "moderator-password"}, REMOTE_ADDR="198.51.100.5"
    )

    assert password_checks == []
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
