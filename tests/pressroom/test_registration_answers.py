"""What the registration form tells a visitor, and what it never tells: whether an address has
registered, or how far a registration got. Also the text it takes, and limits that let a press
centre full of journalists on one address register."""

import re

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from pressroom.factories import registration_form_data
from pressroom.models import JournalistRegistration
from tests.kit import field_errors, soup

from .conftest import image_bytes

pytestmark = pytest.mark.django_db

VICTIM = "li.wei@example.org"
ATTACKER_TEXT = "URGENT: re-verify at https://evil.example/login"


def registration_data(**overrides):
    data = registration_form_data(credential_upload=SimpleUploadedFile("card.png", image_bytes(), "image/png"))
    data.update(overrides)
    return data


def register(client, prefix="en", REMOTE_ADDR="127.0.0.1", **overrides):
    return client.post(f"/{prefix}/press/register/", registration_data(**overrides), REMOTE_ADDR=REMOTE_ADDR)


def confirm_link(message):
    return re.search(r"https?://\S+/register/confirm/\S+/", message.body).group(0)


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
@pytest.mark.parametrize("earlier", [None, "unconfirmed", "submitted", "under_review", "approved", "withdrawn"])
def test_every_state_of_an_earlier_registration_gets_the_answer_a_new_address_gets(client, pressroom, prefix, earlier):
    fresh = register(client, prefix, email="someone.new@example.org")
    if earlier:
        JournalistRegistration.objects.filter(email="someone.new@example.org").update(status=earlier)

    again = register(client, prefix, email="someone.new@example.org", full_name="Another Person")

    assert (again.status_code, again["Location"]) == (fresh.status_code, fresh["Location"])
    assert again["Location"] == f"/{prefix}/press/register/sent/"
    sent_page = soup(client.get(again["Location"])).main.get_text(" ", strip=True)
    assert sent_page == soup(client.get(fresh["Location"])).main.get_text(" ", strip=True)


def test_a_stranger_cannot_hold_a_journalists_address_by_registering_it_first(client, pressroom):
    assert register(client, full_name="Squatter", outlet="Nowhere News", REMOTE_ADDR="203.0.113.9").status_code == 302
    squatters_link = confirm_link(mail.outbox[-1])

    assert register(client, full_name="Li Wei").status_code == 302

    registration = JournalistRegistration.objects.get(email=VICTIM)
    assert (registration.full_name, registration.outlet) == ("Li Wei", "Example Broadcasting")
    assert client.get(squatters_link).status_code == 404
    own_link = confirm_link(mail.outbox[-1])
    assert client.post(own_link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == JournalistRegistration.Status.SUBMITTED


@pytest.mark.parametrize("status", ["submitted", "under_review"])
def test_a_new_registration_for_an_address_with_the_press_officers_stores_nothing_and_tells_the_owner(
    client, pressroom, status
):
    register(client, "zh-hans")
    JournalistRegistration.objects.update(status=status)
    first = JournalistRegistration.objects.get()
    mail.outbox.clear()

    answer = register(client, full_name="Mallory", outlet=ATTACKER_TEXT, notes=ATTACKER_TEXT)

    assert answer.status_code == 302
    assert list(JournalistRegistration.objects.values_list("pk", "full_name", "status")) == [
        (first.pk, "Li Wei", status)
    ]
    [message] = mail.outbox
    assert message.to == [VICTIM]
    assert first.reference in message.subject and first.reference in message.body
    assert "已在处理" in message.subject  # in the language the owner registered in
    assert "/zh-hans/press/status/" in message.body
    assert "Mallory" not in message.body and "evil.example" not in message.body


@pytest.mark.parametrize(
    "field", ["full_name", "native_name", "outlet", "position", "press_card_number", "working_languages"]
)
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\u2028"])
def test_a_line_break_in_a_one_line_field_is_refused_and_nothing_is_sent(client, pressroom, field, line_break):
    response = register(client, **{field: f"Li Wei{line_break}{ATTACKER_TEXT}"})

    assert response.status_code == 400
    assert "Please write this on one line." in field_errors(response)[field]
    assert not JournalistRegistration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "value", ["Li\x1b[31mWei", "Li Wei\u202egnp.exe", "Li\u200bWei", "Li\x00Wei", "Li\x7fWei", "\ufeffLi Wei"]
)
def test_control_and_invisible_formatting_characters_are_refused_in_the_visitors_language(client, pressroom, value):
    english = register(client, full_name=value)
    chinese = register(client, "zh-hans", full_name=value)

    assert english.status_code == chinese.status_code == 400
    assert "This field contains characters that are not allowed." in field_errors(english)["full_name"]
    assert "此栏包含不允许使用的字符。" in field_errors(chinese)["full_name"]
    assert not JournalistRegistration.objects.exists()


@pytest.mark.parametrize("name", ["José Müller-Øster", "محمد عبد الله", "میرزا\u200cعلی", "Ana 👩\u200d💻"])
def test_names_written_with_joiners_and_accents_are_accepted(client, pressroom, name):
    assert register(client, full_name=name).status_code == 302
    assert JournalistRegistration.objects.get().full_name == name


def test_an_interview_request_may_span_lines(client, pressroom):
    notes = "First line.\r\nSecond line,\twith a tab."

    assert register(client, **{"interviews-0-notes": notes}).status_code == 302
    assert JournalistRegistration.objects.get().interview_requests.get().notes == notes


def test_the_confirmation_email_greets_with_a_short_name_and_carries_nothing_else_typed(client, pressroom):
    long_name = "Wei " * 37 + "Li"  # 150 characters, the most the form takes

    assert register(client, full_name=long_name, outlet=ATTACKER_TEXT, position="Chief Editor").status_code == 302

    [message] = mail.outbox
    greeting = message.body.splitlines()[0]
    assert greeting.startswith("Dear Wei Wei") and greeting.endswith("…,")
    assert len(greeting) <= 70
    assert "evil.example" not in message.body and "Chief Editor" not in message.body


@pytest.mark.parametrize("initial", ["-1", "-100", "3", "abc"])
def test_a_forged_count_of_initial_forms_never_stores_a_registration_without_its_interview_request(
    client, pressroom, initial
):
    response = register(client, **{"interviews-INITIAL_FORMS": initial})

    if response.status_code == 302:
        assert JournalistRegistration.objects.get().interview_requests.count() == 1
    else:
        assert response.status_code == 400
        assert not JournalistRegistration.objects.exists()


def test_a_forged_negative_count_with_the_only_request_first_is_stored_with_it(client, pressroom):
    assert register(client, **{"interviews-INITIAL_FORMS": "-1", "interviews-TOTAL_FORMS": "2"}).status_code == 302

    assert list(JournalistRegistration.objects.get().interview_requests.values_list("topic", flat=True)) == [
        "Services for international residents"
    ]


def test_a_forged_count_of_a_thousand_forms_is_refused_in_the_visitors_language(client, pressroom):
    response = register(client, "zh-hans", **{"interviews-TOTAL_FORMS": "1000"})

    assert response.status_code == 400
    assert "一次最多可提交五项采访申请。" in soup(response, status=400).get_text()
    assert not JournalistRegistration.objects.exists()


def test_a_press_centre_of_thirty_journalists_on_one_address_can_all_register(client, pressroom, settings):
    codes = [register(client, email=f"journalist{n}@example.org").status_code for n in range(30)]

    assert codes == [302] * 30
    assert JournalistRegistration.objects.count() == 30
    assert len(mail.outbox) == 30


def test_a_script_on_one_address_is_stopped_and_another_address_is_not(client, pressroom, settings):
    limit = settings.PRESSROOM_REGISTRATION_RATE[0]

    codes = [register(client, email=f"bot{n}@example.org").status_code for n in range(limit + 1)]
    elsewhere = register(client, email="elsewhere@example.org", REMOTE_ADDR="198.51.100.7")

    assert codes == [302] * limit + [429]
    assert elsewhere.status_code == 302


def test_one_address_gets_at_most_a_few_emails_an_hour_whoever_registers_it(client, pressroom, settings):
    limit = settings.PRESSROOM_REGISTRATION_EMAIL_RATE[0]

    answers = [
        register(client, full_name=f"Sender {n}", REMOTE_ADDR=f"192.0.2.{n + 1}").status_code for n in range(limit + 2)
    ]

    assert answers == [302] * (limit + 2)
    assert len(mail.outbox) == limit
    assert {message.to[0] for message in mail.outbox} == {VICTIM}


def test_lookups_of_one_reference_are_limited_whichever_addresses_they_come_from(client, pressroom, settings):
    limit = settings.PRESSROOM_STATUS_REFERENCE_RATE[0]
    register(client)
    registration = JournalistRegistration.objects.get()
    registration.change_status(JournalistRegistration.Status.SUBMITTED)

    guesses = [
        client.post(
            "/en/press/status/",
            {"reference": registration.reference, "email": f"guess{n}@example.org"},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        ).status_code
        for n in range(limit + 1)
    ]
    another = client.post("/en/press/status/", {"reference": "PR-AAAA-BBBB-CCCC", "email": VICTIM})

    assert guesses == [404] * limit + [429]
    assert another.status_code == 404


def test_five_interview_requests_can_be_sent_without_javascript(client, pressroom):
    form = soup(client.get("/en/press/register/")).main.find("form", method="post")
    folded = form.select("details.pr-more-request")
    assert [" ".join(d.summary.get_text().split()) for d in folded] == [
        f"Add interview request {n} (optional)" for n in (2, 3, 4, 5)
    ]
    assert form.find("input", attrs={"name": "interviews-TOTAL_FORMS"})["value"] == "5"

    topics = {f"interviews-{n}-topic": f"Topic {n + 1}" for n in range(5)}
    assert register(client, **{"interviews-TOTAL_FORMS": "5", **topics}).status_code == 302

    stored = JournalistRegistration.objects.get().interview_requests.order_by("pk").values_list("topic", flat=True)
    assert list(stored) == [f"Topic {n}" for n in range(1, 6)]


def test_a_folded_request_with_an_error_opens_again(client, pressroom):
    response = register(client, **{"interviews-TOTAL_FORMS": "5", "interviews-2-notes": "Notes but no topic"})

    assert response.status_code == 400
    opened = soup(response, status=400).select("details.pr-more-request[open]")
    assert [" ".join(d.summary.get_text().split()) for d in opened] == ["Add interview request 3 (optional)"]
