import re
from datetime import timedelta

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pressroom.factories import registration_form_data
from pressroom.models import JournalistRegistration
from tests.kit import field_errors, parse, soup

from .conftest import image_bytes

pytestmark = pytest.mark.django_db


def card(data=None, name="card.png", content_type="image/png"):
    return SimpleUploadedFile(name, data if data is not None else image_bytes(), content_type=content_type)


def registration_data(**overrides):
    data = registration_form_data(credential_upload=card())
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(client, prefix="en", **overrides):
    return client.post(f"/{prefix}/press/register/", registration_data(**overrides))


def confirm_link(message):
    return re.search(r"https?://\S+/register/confirm/\S+/", message.body).group(0)


def test_form_renders_every_field_with_a_label_in_both_languages(client, pressroom):
    for prefix, heading in (("en", "Register for interviews"), ("zh-hans", "记者登记与采访申请")):
        page = soup(client.get(f"/{prefix}/press/register/"))
        assert page.h1.get_text() == heading
        form = page.main.find("form", method="post")
        assert form["enctype"] == "multipart/form-data"
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        for control in form.find_all(["input", "select", "textarea"]):
            if control.get("type") == "hidden":
                continue
            assert form.find("label", attrs={"for": control["id"]}), control["name"]


def test_journalist_registers_in_chinese_confirms_and_is_approved(client, pressroom, press_officer, django_user_model):
    response = register(client, "zh-hans")

    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/press/register/sent/"
    registration = JournalistRegistration.objects.get()
    assert registration.status == "unconfirmed"
    assert registration.language == "zh-hans"
    assert registration.credential_content_type == "image/png"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "请确认您在新闻办的登记"
    link = confirm_link(mail.outbox[0])
    assert "/zh-hans/press/register/confirm/" in link

    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a page with a button: mail scanners do not confirm
    assert JournalistRegistration.objects.get().status == "unconfirmed"
    confirmed = client.post("/" + path)

    registration.refresh_from_db()
    assert registration.status == "submitted"
    assert registration.reference in confirmed.content.decode()
    status_email = mail.outbox[1]
    assert status_email.to == ["li.wei@example.org"]
    assert "已提交" in status_email.subject and registration.reference in status_email.body
    assert mail.outbox[2].to == [press_officer.email]  # the press officers are told, without personal data
    assert "Li Wei" not in mail.outbox[2].body

    client.force_login(press_officer)
    approved = client.post(
        f"/admin/journalist_registrations/edit/{registration.pk}/", {"status": "approved", "rejection_reason": ""}
    )
    assert approved.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert "已批准" in mail.outbox[-1].subject and "已获批准" in mail.outbox[-1].body
    change = registration.status_changes.last()
    assert (change.from_status, change.to_status, change.changed_by) == ("submitted", "approved", press_officer)

    client.logout()
    status_page = client.post(
        "/zh-hans/press/status/", {"reference": registration.reference.lower(), "email": "LI.WEI@example.org"}
    )
    assert status_page.status_code == 200
    text = parse(status_page.content).main.get_text()
    assert "已批准" in text
    assert "Li Wei" not in text and "Example Broadcasting" not in text


BAD_INPUT = [
    ("full_name", ""),
    ("full_name", "x" * 151),
    ("outlet", ""),
    ("outlet_country", ""),
    ("position", ""),
    ("nationality", ""),
    ("press_card_number", ""),
    ("press_card_number", "x" * 61),
    ("email", "not-an-email"),
    ("phone", "call me"),
    ("phone", ""),
    ("working_languages", ""),
    ("wechat_id", "w" * 61),
    ("consent", None),
    ("credential_upload", None),
    ("full_name", "Li\u202eWei"),
    ("interviews-0-topic", ""),
    ("interviews-0-notes", "n" * 2001),
]


def test_each_rule_rejects_bad_input_with_a_message_and_400(client, pressroom):
    for field, value in BAD_INPUT:
        response = register(client, **{field: value})

        assert response.status_code == 400, field
        assert JournalistRegistration.objects.count() == 0, field
        assert field in field_errors(response), field
        if field != "full_name":
            assert 'value="Li Wei"' in response.content.decode(), field  # what was typed is kept


def test_errors_are_shown_in_chinese_on_the_chinese_form(client, pressroom):
    response = register(client, "zh-hans", consent=None)

    assert "我们需要您的同意才能办理登记。" in field_errors(response)["consent"]


@pytest.mark.parametrize("name", ["张伟", "محمد عبد الله", "José Müller-Øster", "Nguyễn Thị Minh Khai"])
def test_any_unicode_name_is_accepted(client, pressroom, name):
    response = register(client, full_name=name, native_name=name, email=f"{abs(hash(name))}@example.org")

    assert response.status_code == 302
    assert JournalistRegistration.objects.get().full_name == name


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
def test_the_same_form_sent_twice_is_stored_once_and_both_sends_lead_to_check_your_email(client, pressroom, prefix):
    form = soup(client.get(f"/{prefix}/press/register/")).main.find("form", method="post")
    key = form.find("input", attrs={"name": "submission_key"})["value"]

    first = register(client, prefix, submission_key=key)
    again = register(client, prefix, submission_key=key)

    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/{prefix}/press/register/sent/"
    assert JournalistRegistration.objects.get().submission_key is not None
    assert [message.to for message in mail.outbox] == [["li.wei@example.org"]]


def test_a_form_changed_and_sent_again_with_its_old_key_registers_the_new_address(client, pressroom):
    key = soup(client.get("/en/press/register/")).find("input", attrs={"name": "submission_key"})["value"]

    assert register(client, submission_key=key).status_code == 302
    changed = register(client, submission_key=key, email="wei.li@example.org")

    assert changed.status_code == 302
    assert sorted(JournalistRegistration.objects.values_list("email", flat=True)) == [
        "li.wei@example.org",
        "wei.li@example.org",
    ]
    assert sorted(message.to[0] for message in mail.outbox) == ["li.wei@example.org", "wei.li@example.org"]


def test_a_mangled_submission_key_still_registers(client, pressroom):
    assert register(client, submission_key="not-a-key").status_code == 302
    assert JournalistRegistration.objects.get().submission_key is None


def test_an_expired_unconfirmed_registration_does_not_block_the_email(client, pressroom):
    register(client)
    JournalistRegistration.objects.update(created_at=timezone.now() - timedelta(days=3))

    assert register(client).status_code == 302
    assert JournalistRegistration.objects.count() == 1


def test_a_closed_registration_does_not_block_a_new_one(client, pressroom):
    register(client)
    JournalistRegistration.objects.update(status="rejected")

    assert register(client).status_code == 302


def test_honeypot_submissions_look_accepted_but_are_dropped(client, pressroom):
    response = register(client, website="http://spam.example")

    assert response.status_code == 302
    assert JournalistRegistration.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(("prefix", "message"), [("en", "Please wait an hour"), ("zh-hans", "请等待一小时")])
def test_registrations_per_address_are_limited_and_the_refused_one_keeps_what_was_typed(
    client, pressroom, settings, prefix, message
):
    settings.PRESSROOM_REGISTRATION_RATE = (2, 3600)

    codes = [register(client, prefix, email=f"r{n}@example.org").status_code for n in range(2)]
    refused = register(client, prefix, email="r3@example.org", full_name="Ana Third")
    other_address = client.post(
        f"/{prefix}/press/register/", registration_data(email="r9@example.org"), REMOTE_ADDR="10.1.2.3"
    )

    assert codes == [302, 302]
    assert refused.status_code == 429
    page = parse(refused.content)
    assert message in page.select_one("[role=alert]").get_text()
    assert page.select_one("input[name=full_name]")["value"] == "Ana Third"
    assert page.select_one("input[name=email]")["value"] == "r3@example.org"
    assert not JournalistRegistration.objects.filter(email="r3@example.org").exists()
    assert other_address.status_code == 302


def test_sends_with_mistakes_do_not_use_up_the_registrations_allowed(client, pressroom, settings):
    settings.PRESSROOM_REGISTRATION_RATE = (1, 3600)

    corrections = [register(client, email="not-an-address").status_code for _ in range(4)]
    finally_right = register(client, email="right@example.org")

    assert corrections == [400] * 4
    assert finally_right.status_code == 302
    assert JournalistRegistration.objects.filter(email="right@example.org").exists()


def test_every_send_counts_against_a_looser_limit_per_address(client, pressroom, settings):
    settings.PRESSROOM_REGISTRATION_SEND_RATE = (3, 3600)

    codes = [register(client, email="not-an-address").status_code for _ in range(4)]

    assert codes == [400, 400, 400, 429]


def test_forwarded_address_is_trusted_only_behind_a_configured_proxy(client, pressroom, settings):
    settings.PRESSROOM_REGISTRATION_RATE = (1, 3600)

    register(client, email="a@example.org", HTTP_X_FORWARDED_FOR="1.1.1.1")
    spoofed = client.post(
        "/en/press/register/", registration_data(email="b@example.org"), HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert spoofed.status_code == 429  # without a trusted proxy the header changes nothing

    settings.TRUSTED_PROXY_COUNT = 1
    behind_proxy = client.post(
        "/en/press/register/", registration_data(email="c@example.org"), HTTP_X_FORWARDED_FOR="3.3.3.3"
    )
    assert behind_proxy.status_code == 302


def test_registration_needs_csrf(pressroom):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/press/register/", registration_data())

    assert response.status_code == 403


def test_unknown_and_expired_confirmation_links(client, pressroom):
    register(client)
    path = "/" + confirm_link(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]

    assert client.get("/en/press/register/confirm/not-a-token/").status_code == 404
    JournalistRegistration.objects.update(created_at=timezone.now() - timedelta(days=3))
    assert client.post(path).status_code == 410
    assert JournalistRegistration.objects.get().status == "unconfirmed"


def test_status_page_needs_reference_and_matching_email(client, pressroom):
    from pressroom.factories import JournalistRegistrationFactory

    registration = JournalistRegistrationFactory(email="someone@example.org")
    unconfirmed = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None)

    wrong = client.post("/en/press/status/", {"reference": registration.reference, "email": "other@example.org"})
    hidden = client.post("/en/press/status/", {"reference": unconfirmed.reference, "email": unconfirmed.email})
    invalid = client.post("/en/press/status/", {"reference": "", "email": "x"})

    assert wrong.status_code == 404 and "Submitted" not in wrong.content.decode()
    assert hidden.status_code == 404
    assert invalid.status_code == 400


def test_journalist_can_withdraw_on_the_status_page(client, pressroom):
    from pressroom.factories import JournalistRegistrationFactory

    registration = JournalistRegistrationFactory(email="someone@example.org", language="zh-hans")

    response = client.post(
        "/en/press/status/", {"reference": registration.reference, "email": registration.email, "action": "withdraw"}
    )

    registration.refresh_from_db()
    assert response.status_code == 200
    assert registration.status == "withdrawn" and registration.closed_at
    assert "已撤回" in mail.outbox[-1].subject
    assert registration.status_changes.last().changed_by is None


def test_status_lookups_are_rate_limited(client, pressroom, settings):
    settings.PRESSROOM_STATUS_RATE = (3, 3600)

    codes = [
        client.post("/en/press/status/", {"reference": f"PR-{n}", "email": "a@example.org"}).status_code
        for n in range(4)
    ]

    assert codes[-1] == 429


@pytest.mark.parametrize(("prefix", "message"), [("en", "try again in an hour"), ("zh-hans", "请一小时后再试")])
def test_a_refused_status_lookup_keeps_what_was_typed_and_says_why(client, pressroom, settings, prefix, message):
    from pressroom.factories import JournalistRegistrationFactory

    settings.PRESSROOM_STATUS_RATE = (1, 3600)
    registration = JournalistRegistrationFactory(email="someone@example.org")
    client.post(f"/{prefix}/press/status/", {"reference": "PR-0", "email": "someone@example.org"})

    refused = client.post(
        f"/{prefix}/press/status/",
        {"reference": registration.reference, "email": registration.email, "action": "withdraw"},
    )

    page = parse(refused.content)
    assert refused.status_code == 429
    assert message in page.select_one("[role=alert]").get_text()
    assert page.select_one("input[name=reference]")["value"] == registration.reference
    registration.refresh_from_db()
    assert registration.status != "withdrawn"
