import csv
import io
from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from accreditation.factories import ApprovedRegistrationFactory
from accreditation.models import Accreditation, Application
from pressroom.factories import PressConferencePageFactory
from pressroom.models import JournalistRegistration
from tests.kit import soup

from .conftest import apply_with_reference

pytestmark = pytest.mark.django_db


def test_an_editor_opens_accreditation_on_a_conference(client, pressroom, editor):
    conference = PressConferencePageFactory(parent=pressroom, start=timezone.now() + timedelta(days=10))
    deadline = timezone.localtime(conference.start - timedelta(days=2))
    client.force_login(editor)

    response = client.post(
        "/admin/accreditations/new/",
        {
            "conference": conference.pk,
            "deadline": deadline.strftime("%Y-%m-%d %H:%M"),
            "quota": "30",
            "foreign_media": "on",
            "hk_macao_taiwan_media": "on",
            "notes_en": "Arrive at 9:15 with your passport.",
            "notes_zh_hans": "请于9:15到场，携带护照。",
        },
    )

    assert response.status_code == 302, soup(response, status=None).get_text(" ", strip=True)[:2000]
    accreditation = Accreditation.objects.get()
    assert (accreditation.conference_id, accreditation.quota) == (conference.pk, 30)
    assert [value for value, _label in accreditation.categories()] == ["foreign", "hk_macao_taiwan"]
    page = soup(client.get(conference.url))
    assert page.select_one(".acc-box a.button")["href"] == f"/en/press/conferences/{conference.pk}/apply/"


def test_the_deadline_must_come_before_the_conference(client, pressroom, editor):
    conference = PressConferencePageFactory(parent=pressroom)
    client.force_login(editor)

    response = client.post(
        "/admin/accreditations/new/",
        {
            "conference": conference.pk,
            "deadline": timezone.localtime(conference.start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "quota": "30",
            "foreign_media": "on",
        },
    )

    assert response.status_code == 200
    assert not Accreditation.objects.exists()


def test_a_press_officers_approval_emails_the_journalist_in_their_language(
    client, accreditation, conference, press_officer
):
    journalist = ApprovedRegistrationFactory(language="zh-hans")
    apply_with_reference(client, conference, journalist, prefix="zh-hans")
    application = Application.objects.get()
    assert application.language == "zh-hans"
    client.force_login(press_officer)
    mail.outbox.clear()

    response = client.post(
        f"/admin/accreditation_applications/edit/{application.pk}/", {"state": "approved", "rejection_reason": ""}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "approved" and application.decided_by == press_officer
    [email] = mail.outbox
    assert email.to == [journalist.email]
    assert "春季吹风会" in email.subject  # the conference's Chinese title: the email is in Chinese
    assert "请提前45分钟到场" in email.body  # the notes for accredited journalists, in Chinese
    assert "/zh-hans/press/status/" in email.body


def test_an_application_is_approved_only_once_its_registration_is(client, accreditation, conference, press_officer):
    journalist = ApprovedRegistrationFactory(status=JournalistRegistration.Status.SUBMITTED)
    apply_with_reference(client, conference, journalist)
    application = Application.objects.get()
    client.force_login(press_officer)

    response = client.post(
        f"/admin/accreditation_applications/edit/{application.pk}/", {"state": "approved", "rejection_reason": ""}
    )

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.state == "placed"


def test_only_press_officers_see_the_applications(client, accreditation, conference, editor, press_officer):
    apply_with_reference(client, conference, ApprovedRegistrationFactory(full_name="Amélie Durand"))
    application = Application.objects.get()
    client.force_login(editor)

    assert client.get("/admin/accreditation_applications/").status_code in (302, 403)
    assert client.get(f"/admin/accreditation_applications/edit/{application.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/accreditation/door-list/{accreditation.pk}/").status_code in (302, 403)
    accreditations = client.get("/admin/accreditations/")
    assert accreditations.status_code == 200
    assert "Amélie" not in accreditations.content.decode()
    assert "/admin/accreditation_applications/" not in accreditations.content.decode()

    client.force_login(press_officer)
    listing = client.get(f"/admin/accreditation_applications/?accreditation={accreditation.pk}")
    assert listing.status_code == 200 and "Amélie Durand" in listing.content.decode()


def test_the_door_list_prints_the_accredited_and_the_csv_opens_in_excel(
    client, accreditation, conference, press_officer
):
    accredited = ApprovedRegistrationFactory(full_name="Wang Fang", native_name="王芳")
    waiting = ApprovedRegistrationFactory(full_name="Someone Waiting")
    apply_with_reference(client, conference, accredited)
    apply_with_reference(client, conference, waiting)
    client.force_login(press_officer)
    first = Application.objects.get(registration=accredited)
    client.post(f"/admin/accreditation_applications/edit/{first.pk}/", {"state": "approved", "rejection_reason": ""})

    door = soup(client.get(f"/admin/accreditation/door-list/{accreditation.pk}/"))
    exported = client.get(f"/admin/accreditation_applications/?accreditation={accreditation.pk}&export=csv")

    rows = door.select("tbody tr")
    assert len(rows) == 1 and "王芳" in rows[0].get_text() and accredited.press_card_number in rows[0].get_text()
    assert door.find("link", rel="stylesheet")["href"].endswith("door-list.css")
    assert not door.find("style") and not door.find("script")
    body = b"".join(exported.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    table = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["Full name"] for row in table] == ["Wang Fang", "Someone Waiting"]
    assert table[0]["Name in native script"] == "王芳"


def test_the_conference_editor_leads_to_its_accreditation(client, pressroom, editor):
    conference = PressConferencePageFactory(parent=pressroom)
    client.force_login(editor)

    editing = client.get(f"/admin/pages/{conference.pk}/edit/").content.decode()
    adding = soup(client.get(f"/admin/accreditations/new/?conference={conference.pk}"))

    assert f"/admin/accreditations/new/?conference={conference.pk}" in editing
    assert adding.find("input", attrs={"name": "conference"})["value"] == str(conference.pk)


def test_the_applications_list_reads_a_constant_number_of_queries(client, pressroom, press_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accreditation.factories import AccreditationFactory

    client.force_login(press_officer)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/accreditation_applications/").status_code == 200
        return len(queries)

    def add_conference():
        accreditation = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom))
        apply_with_reference(client, accreditation.conference, ApprovedRegistrationFactory())

    add_conference()
    one = count()
    for _ in range(3):
        add_conference()
    assert count() == one
