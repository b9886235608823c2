"""Residents' feedback: the form, its protections, and staff triage in the admin."""

import uuid

import pytest

from django.test import Client, override_settings

from cns.factories import FeedbackFactory, FeedbackTopicFactory, TownshipFactory, feedback_form_data
from cns.models import Feedback
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

URL = "/en/cns/feedback/"


@pytest.fixture
def topic(cns):
    return FeedbackTopicFactory(name_en="Transport", name_zh_hans="交通出行")


def test_happy_path_stores_the_message_and_thanks_the_resident(client, topic):
    township = TownshipFactory()

    response = client.post("/zh-hans/cns/feedback/", feedback_form_data(topic, township=township.pk), follow=True)

    assert response.redirect_chain[-1][0] == "/zh-hans/cns/feedback/thanks/"
    assert soup(response).main.h1.get_text(strip=True) == "谢谢您"
    feedback = Feedback.objects.get()
    assert (feedback.topic, feedback.township, feedback.email) == (topic, township, "ana@example.org")
    assert feedback.language == "zh-hans"
    assert feedback.status == Feedback.Status.NEW


def test_form_in_chinese_labels_every_field_and_offers_only_active_topics(client, topic):
    FeedbackTopicFactory(name_en="Retired", name_zh_hans="已停用", active=False)

    form = soup(client.get("/zh-hans/cns/feedback/")).main.select_one("form[method=post]")

    for control in form.select("select, textarea, input:not([type=hidden])"):
        assert form.find("label", attrs={"for": control["id"]}), control["name"]
    options = [option.get_text(strip=True) for option in form.select("select[name=topic] option")]
    assert "交通出行" in options and "已停用" not in options
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})


def test_township_from_the_township_page_is_preselected(client, topic):
    township = TownshipFactory(name_en="Huacao Town")

    form = soup(client.get(f"{URL}?township={township.pk}")).main.select_one("form[method=post]")

    assert form.select_one("select[name=township] option[selected]").get_text(strip=True) == "Huacao Town"


@pytest.mark.parametrize("township", ["99999999999999999999", "9" * 5000, "²", "-1", "0", "1.5", "%00", "<b>"])
def test_a_township_in_the_address_that_cannot_be_one_shows_the_form_without_a_choice(client, topic, township):
    TownshipFactory(name_en="Huacao Town")

    response = client.get(f"{URL}?township={township}")

    assert response.status_code == 200
    assert not soup(response).main.select("select[name=township] option[selected][value!='']")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": ""}, "consent", "请勾选同意"),
        ({"message": "Too short"}, "message", "请至少写10个字符"),
        ({"message": "x" * 3001}, "message", "请把留言缩短到3000个字符以内"),
        ({"topic": ""}, "topic", "请选择一个主题"),
        ({"email": "not-an-email"}, "email", "有效"),
    ],
)
def test_bad_input_is_explained_in_the_visitors_language_and_keeps_the_text(client, topic, changes, field, message):
    response = client.post("/zh-hans/cns/feedback/", feedback_form_data(topic, **changes))

    page = soup(response, status=400)
    error = page.find(id=f"id_{field}_error")
    assert message in error.get_text()
    control = page.find(attrs={"name": field})
    assert control["aria-invalid"] == "true" or field == "consent"
    assert f"id_{field}_error" in control.get("aria-describedby", "")
    assert "Ana" in page.find("input", attrs={"name": "name"})["value"]
    assert not Feedback.objects.exists()


def test_honeypot_filled_in_stores_nothing_but_looks_like_success(client, topic):
    response = client.post(URL, feedback_form_data(topic, website="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == "/en/cns/feedback/thanks/"
    assert not Feedback.objects.exists()


@override_settings(CNS_FEEDBACK_RATE_LIMIT=2)
def test_rate_limit_per_client_address(client, topic):
    for _ in range(2):
        assert client.post(URL, feedback_form_data(topic), REMOTE_ADDR="203.0.113.7").status_code == 302

    blocked = client.post(URL, feedback_form_data(topic), REMOTE_ADDR="203.0.113.7")

    assert blocked.status_code == 429
    assert "several messages" in blocked.content.decode()
    assert "Please add English signs" in blocked.content.decode()  # nothing the resident wrote is lost
    assert Feedback.objects.count() == 2
    assert client.post(URL, feedback_form_data(topic), REMOTE_ADDR="198.51.100.1").status_code == 302


def test_csrf_is_enforced(topic):
    response = Client(enforce_csrf_checks=True).post(URL, feedback_form_data(topic))

    assert response.status_code == 403
    assert not Feedback.objects.exists()


# --- staff triage ---------------------------------------------------------------------------


def test_feedback_admin_needs_the_feedback_permission(client, cns):
    FeedbackFactory(message="Private message from a resident", email="resident@example.org")
    client.force_login(staff_user(username="editor"))

    response = client.get("/admin/cns/feedback/")

    assert response.status_code in {302, 403}
    assert b"resident@example.org" not in response.content
    assert client.get("/admin/cns/feedback/?export=csv").status_code in {302, 403}


def test_anonymous_visitors_are_sent_to_log_in(client, cns):
    response = client.get("/admin/cns/feedback/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_with_permission_triage_and_export_csv(client, cns):
    feedback = FeedbackFactory(message="Bus stop signs, please", email="resident@example.org")
    client.force_login(staff_user(username="triage", permissions=["cns.view_feedback", "cns.change_feedback"]))

    listing = client.get("/admin/cns/feedback/")
    assert listing.status_code == 200

    edit = client.get(f"/admin/cns/feedback/edit/{feedback.pk}/")
    assert edit.status_code == 200
    assert "Bus stop signs, please" in edit.content.decode()

    response = client.post(
        f"/admin/cns/feedback/edit/{feedback.pk}/", {"status": "in-progress", "new_note": "Sent to transport"}
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.status, feedback.message) == ("in-progress", "Bus stop signs, please")
    assert list(feedback.notes.values_list("text", flat=True)) == ["Sent to transport"]

    export = client.get("/admin/cns/feedback/?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert "Bus stop signs, please" in body and "resident@example.org" in body


def test_only_the_feedback_handlers_group_may_read_feedback_by_default(client, cns):
    FeedbackFactory(message="Bus stop signs, please")
    editor = staff_user("Editors", "Moderators", username="ed")
    handler = staff_user("CNS feedback handlers", username="fh")

    assert not editor.has_perm("cns.view_feedback")
    assert editor.has_perm("cns.change_township") and editor.has_perm("cns.add_serviceplatform")
    client.force_login(handler)
    assert "Bus stop signs, please" in client.get("/admin/cns/feedback/?export=csv").getvalue().decode()


def test_the_same_submission_sent_twice_is_stored_once(client, topic):
    form = soup(client.get(URL)).main.select_one("form[method=post]")
    key = form.find("input", attrs={"name": "submission_key"})["value"]

    first = client.post(URL, feedback_form_data(topic, submission_key=key))
    again = client.post(URL, feedback_form_data(topic, submission_key=key))

    assert first.status_code == again.status_code == 302
    assert again["Location"] == "/en/cns/feedback/thanks/"
    assert Feedback.objects.count() == 1


def test_a_form_changed_and_sent_again_with_its_old_key_is_stored_as_a_new_message(client, topic):
    key = soup(client.get(URL)).main.find("input", attrs={"name": "submission_key"})["value"]

    first = client.post(URL, feedback_form_data(topic, submission_key=key))
    changed = client.post(
        URL, feedback_form_data(topic, submission_key=key, message="And the crossing needs a longer green light.")
    )

    assert first.status_code == changed.status_code == 302
    assert sorted(Feedback.objects.values_list("message", "submission_key")) == sorted(
        [(feedback_form_data(topic)["message"], uuid.UUID(key)), ("And the crossing needs a longer green light.", None)]
    )


def test_each_showing_of_the_form_carries_a_new_submission_key(client, topic):
    keys = {soup(client.get(URL)).main.find("input", attrs={"name": "submission_key"})["value"] for _ in range(2)}

    assert len(keys) == 2


def test_a_mangled_submission_key_still_stores_the_message(client, topic):
    response = client.post(URL, feedback_form_data(topic, submission_key="not-a-key"))

    assert response.status_code == 302
    assert Feedback.objects.get().submission_key is None
