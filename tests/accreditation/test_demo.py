from datetime import timedelta

import pytest

from django.utils import timezone

from accreditation.demo import build_accreditation
from accreditation.models import Accreditation
from pressroom.factories import PressConferencePageFactory

pytestmark = pytest.mark.django_db


def test_the_demo_opens_accreditation_on_the_next_conference_once(pressroom):
    PressConferencePageFactory(parent=pressroom, start=timezone.now() - timedelta(days=3))
    later = PressConferencePageFactory(parent=pressroom, start=timezone.now() + timedelta(days=20))
    next_one = PressConferencePageFactory(parent=pressroom, start=timezone.now() + timedelta(days=5))

    build_accreditation()
    build_accreditation()

    accreditation = Accreditation.objects.get()
    assert accreditation.conference_id == next_one.pk != later.pk
    assert timezone.now() < accreditation.deadline < next_one.start
    assert accreditation.notes_en and accreditation.notes_zh_hans


def test_the_demo_does_nothing_without_a_coming_conference(pressroom):
    PressConferencePageFactory(parent=pressroom, start=timezone.now() - timedelta(days=3))

    build_accreditation()

    assert not Accreditation.objects.exists()
