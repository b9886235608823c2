"""What the feedback form takes: text a resident wrote, never control characters or invisible
formatting that would reach the staff's screens and the CSV raw; and room for a community
centre's residents on one address."""

import pytest

from cns.factories import FeedbackTopicFactory, feedback_form_data
from cns.models import Feedback
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(cns):
    return FeedbackTopicFactory(name_en="Transport", name_zh_hans="交通出行")


def send(client, topic, prefix="en", **overrides):
    return client.post(f"/{prefix}/cns/feedback/", feedback_form_data(topic, **overrides))


def error_of(response, field):
    page = soup(response, status=400)
    control = page.select_one(f"[name={field}][aria-invalid=true]")
    assert control is not None, f"{field} is not marked invalid"
    return " ".join(
        page.find(id=described).get_text(" ", strip=True) for described in control["aria-describedby"].split()
    )


@pytest.mark.parametrize(
    "message",
    [
        "The bus stop sign \x1b[2J\x1b[31mis broken\x1b[0m near the centre.",
        "The bus stop sign is broken \u202enoitats eht raen.",
        "Bell\x07 rings all night at the community centre.",
        "Text with a private character \ue000 in the middle of it.",
    ],
)
@pytest.mark.parametrize(
    ("prefix", "words"), [("en", "characters that are not allowed"), ("zh-hans", "不允许使用的字符")]
)
def test_control_characters_and_text_reversal_are_refused_in_the_residents_language(
    client, topic, message, prefix, words
):
    response = send(client, topic, prefix, message=message)

    assert words in error_of(response, "message")
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("invisible", ["\u200b" * 20, "\u2060" * 15 + "hi", " \u200b\ufeff" * 10, "\u200d" * 12])
def test_a_message_of_invisible_characters_only_does_not_pass_the_minimum_length(client, topic, invisible):
    response = send(client, topic, message=invisible)

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_the_minimum_length_counts_what_a_reader_sees(client, topic):
    response = send(client, topic, "zh-hans", message="\u200d" * 12 + "太短")

    assert "至少" in error_of(response, "message")


@pytest.mark.parametrize("name", ["Ana\nURGENT", "Ana\u202e", "Ana\x1b[31m"])
def test_the_name_is_one_line_of_plain_text(client, topic, name):
    response = send(client, topic, name=name)

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_message_in_lines_with_emoji_and_chinese_is_stored_as_written(client, topic):
    message = "公交站牌需要英文。\r\nThe stop by the market 👩\u200d👩\u200d👧 has no English sign.\r\n\tThank you!"

    assert send(client, topic, message=message).status_code == 302
    assert Feedback.objects.get().message == message


def test_a_community_centre_of_thirty_residents_on_one_address_can_all_write(client, topic):
    codes = [
        send(client, topic, message=f"Resident {n} would like English signs at the bus stop.", email="").status_code
        for n in range(30)
    ]

    assert codes == [302] * 30
    assert Feedback.objects.count() == 30
