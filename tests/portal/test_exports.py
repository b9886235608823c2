"""Staff exports read as the admin does: labels in the exporting user's language, Beijing time to the
minute with the zone named in the heading, every interview request, and a CSV Excel opens as UTF-8."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.users.models import UserProfile

from cns.factories import FeedbackFactory, FeedbackTopicFactory
from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from tests.kit import staff_user

pytestmark = pytest.mark.django_db

REGISTRATIONS = "/admin/journalist_registrations/"
FEEDBACK = "/admin/cns/feedback/"
# 06:05:42.123456 UTC is 14:05 in Beijing.
MOMENT = datetime.datetime(2026, 12, 1, 6, 5, 42, 123456, tzinfo=datetime.UTC)


def csv_bytes(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(response):
    """The rows as Excel reads a UTF-8 file with a BOM."""
    return list(csv.DictReader(io.StringIO(csv_bytes(response).decode("utf-8-sig"))))


def officer(language=""):
    user = staff_user("Press officers", username=f"officer-{language or 'default'}")
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def registration():
    registration = JournalistRegistrationFactory(
        full_name="Wang Lei",
        native_name="王磊",
        outlet="新华日报",
        status="approved",
        language="zh-hans",
        created_at=MOMENT,
        confirmed_at=MOMENT,
        closed_at=MOMENT + datetime.timedelta(hours=20),
    )
    InterviewRequestFactory(registration=registration, topic="Port logistics", agencies_wished="Port authority")
    InterviewRequestFactory(registration=registration, topic="Expat services")
    return registration


def test_the_csv_starts_with_a_bom_so_excel_reads_chinese(client, registration):
    client.force_login(officer())

    body = csv_bytes(client.get(f"{REGISTRATIONS}?export=csv"))

    assert body.startswith(b"\xef\xbb\xbf")
    assert body.count(b"\xef\xbb\xbf") == 1
    assert "新华日报" in body.decode("utf-8-sig") and "王磊" in body.decode("utf-8-sig")


def test_labels_not_codes_in_english(client, registration):
    client.force_login(officer("en"))

    [row] = csv_rows(client.get(f"{REGISTRATIONS}?export=csv"))

    assert row["Status"] == "Approved"
    assert row["Language"] == "Simplified Chinese"


def test_labels_in_the_exporting_users_language(client, registration):
    client.force_login(officer("zh-hans"))

    [row] = csv_rows(client.get(f"{REGISTRATIONS}?export=csv"))

    assert "已批准" in row.values()  # Approved
    assert "简体中文" in row.values()  # Simplified Chinese
    assert "approved" not in row.values() and "zh-hans" not in row.values()


def test_times_in_beijing_time_to_the_minute_with_the_zone_in_the_heading(client, registration):
    client.force_login(officer("en"))

    [row] = csv_rows(client.get(f"{REGISTRATIONS}?export=csv"))

    assert row["Registered (Beijing time)"] == "2026-12-01 14:05"
    assert row["Closed (Beijing time)"] == "2026-12-02 10:05"
    assert not any("+00:00" in value or ".123456" in value for value in row.values())


def test_the_interview_requests_are_exported(client, registration):
    client.force_login(officer("en"))

    [row] = csv_rows(client.get(f"{REGISTRATIONS}?export=csv"))

    assert row["Interview requests"].splitlines() == ["Port logistics · Port authority", "Expat services"]


def test_the_xlsx_has_beijing_times_as_dates_and_labels(client, registration):
    client.force_login(officer("en"))

    response = client.get(f"{REGISTRATIONS}?export=xlsx")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, values = (list(row) for row in sheet.iter_rows(values_only=True))
    row = dict(zip(headings, values, strict=True))
    assert row["Registered (Beijing time)"] == datetime.datetime(2026, 12, 1, 14, 5)
    assert row["Status"] == "Approved"
    assert sheet.cell(row=2, column=headings.index("Registered (Beijing time)") + 1).number_format == "yyyy-mm-dd hh:mm"


def test_the_export_reads_in_a_constant_number_of_queries(client, registration):
    client.force_login(officer("en"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            csv_bytes(client.get(f"{REGISTRATIONS}?export=csv"))
        return len(captured)

    before = queries()
    for number in range(4):
        InterviewRequestFactory(registration=JournalistRegistrationFactory(status="submitted"), topic=f"T{number}")

    assert queries() == before


def test_feedback_exports_labels_times_and_yes_no(client):
    FeedbackFactory(
        topic=FeedbackTopicFactory(name_en="Transport", name_zh_hans="交通"),
        status="in-progress",
        language="zh-hans",
        consent=True,
        message="公交站能否加英文站牌？",
    )
    client.force_login(staff_user("CNS feedback handlers", username="handler"))

    [row] = csv_rows(client.get(f"{FEEDBACK}?export=csv"))

    assert row["Status"] == "In progress"
    assert row["Language"] == "Simplified Chinese"
    assert row["Topic"] == "Transport"
    assert row["Message"] == "公交站能否加英文站牌？"
    assert "Yes" in row.values() and "True" not in row.values()
    received = row["Received (Beijing time)"]
    assert len(received) == len("2026-12-01 14:05") and "+" not in received
