import pytest

from tests.kit import staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def sign_in(client, password, address="203.0.113.7"):
    return client.post("/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=address)


def test_admin_login_is_refused_after_five_failures_from_one_address(client):
    staff_user(superuser=True, username="editor", password="right-password")
    for _attempt in range(5):
        assert sign_in(client, "wrong").status_code == 200

    blocked = sign_in(client, "right-password")

    assert blocked.status_code == 429
    assert "Too many failed sign-in attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_accounts_at_the_same_address_can_still_sign_in(client):
    staff_user(superuser=True, username="editor", password="right-password")
    staff_user(superuser=True, username="colleague", password="own-password")
    for _attempt in range(5):
        sign_in(client, "wrong")

    response = client.post(
        "/admin/login/", {"username": "colleague", "password": "own-password"}, REMOTE_ADDR="203.0.113.7"
    )

    assert response.status_code == 302


def test_the_blocked_account_is_refused_from_other_addresses_too(client):
    staff_user(superuser=True, username="editor", password="right-password")
    for _attempt in range(5):
        sign_in(client, "wrong")

    response = sign_in(client, "right-password", address="198.51.100.1")

    assert response.status_code == 429


def test_a_successful_login_clears_earlier_failures(client):
    staff_user(superuser=True, username="editor", password="right-password")
    for _attempt in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, "right-password").status_code == 302
    client.logout()

    for _attempt in range(4):
        sign_in(client, "wrong")

    assert sign_in(client, "right-password").status_code == 302
