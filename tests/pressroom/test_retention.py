from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from pressroom.models import JournalistRegistration

pytestmark = pytest.mark.django_db


def with_card(registration):
    registration.credential_content_type = "image/png"
    registration.credential.save("card.png", ContentFile(b"\x89PNG\r\n\x1a\nfake"), save=True)
    return Path(registration.credential.path)


def test_erases_personal_data_of_long_closed_registrations_and_keeps_the_counts():
    old = JournalistRegistrationFactory(
        status="approved", closed_at=timezone.now() - timedelta(days=40), full_name="Old Name"
    )
    InterviewRequestFactory(registration=old, notes="private detail")
    old_card = with_card(old)
    recent = JournalistRegistrationFactory(
        status="rejected", closed_at=timezone.now() - timedelta(days=5), full_name="Recent Name"
    )
    pending = JournalistRegistrationFactory(status="under_review", full_name="Pending Name")

    call_command("erase_closed_registrations", "--days", "30", stdout=StringIO())

    old.refresh_from_db()
    assert old.erased_at is not None
    assert (old.full_name, old.email, old.phone, old.press_card_number, old.credential.name) == ("", "", "", "", "")
    assert not old_card.exists()
    assert old.interview_requests.get().notes == ""
    assert JournalistRegistration.objects.filter(status="approved").count() == 1  # the count stays
    assert old.interview_requests.count() == 1
    assert JournalistRegistration.objects.get(pk=recent.pk).full_name == "Recent Name"
    assert JournalistRegistration.objects.get(pk=pending.pk).full_name == "Pending Name"


def test_deletes_unconfirmed_registrations_with_expired_links():
    stale = JournalistRegistrationFactory(
        status="unconfirmed", confirmed_at=None, created_at=timezone.now() - timedelta(days=10)
    )
    stale_card = with_card(stale)
    fresh = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None)

    call_command("erase_closed_registrations", stdout=StringIO())

    assert not JournalistRegistration.objects.filter(pk=stale.pk).exists()
    assert not stale_card.exists()
    assert JournalistRegistration.objects.filter(pk=fresh.pk).exists()


def test_dry_run_changes_nothing():
    JournalistRegistrationFactory(status="withdrawn", closed_at=timezone.now() - timedelta(days=400), full_name="Kept")
    out = StringIO()

    call_command("erase_closed_registrations", "--dry-run", stdout=out)

    assert "Would erase personal data of 1" in out.getvalue()
    assert JournalistRegistration.objects.get().full_name == "Kept"
