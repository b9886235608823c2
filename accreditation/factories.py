"""Factories for accreditation (give `conference=` a PressConferencePageFactory page)."""

from datetime import timedelta

import factory

from django.utils import timezone

from pressroom.factories import JournalistRegistrationFactory
from pressroom.models import JournalistRegistration

from .models import Accreditation, Application, MediaCategory


class AccreditationFactory(factory.django.DjangoModelFactory):
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    quota = 2
    notes_en = "Arrive 45 minutes early with your passport and press card."
    notes_zh_hans = "请提前45分钟到场，携带护照和记者证。"

    class Meta:
        model = Accreditation


class ApprovedRegistrationFactory(JournalistRegistrationFactory):
    status = JournalistRegistration.Status.APPROVED


class ApplicationFactory(factory.django.DjangoModelFactory):
    accreditation = factory.SubFactory(AccreditationFactory)
    registration = factory.SubFactory(ApprovedRegistrationFactory)
    media_category = MediaCategory.FOREIGN

    class Meta:
        model = Application
