"""Factories for the pressroom's pages and registrations (create pages with parent=home or parent=pressroom)."""

from datetime import date, timedelta

import factory

from django.utils import timezone

import wagtail_factories

from .models import (
    InterviewRequest,
    JournalistFAQItem,
    JournalistFAQPage,
    JournalistRegistration,
    PressConferencePage,
    PressReleasePage,
    PressroomPage,
    PressTopic,
)


class PressroomPageFactory(wagtail_factories.PageFactory):
    title_en = "Pressroom"
    title_zh_hans = "新闻中心"
    slug = "press"
    intro_en = "Releases and conferences."
    intro_zh_hans = "新闻发布和发布会。"

    class Meta:
        model = PressroomPage


class PressTopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_zh_hans = factory.Sequence(lambda n: f"主题 {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = PressTopic


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Press release {n}")
    title_zh_hans = factory.Sequence(lambda n: f"新闻稿 {n}")
    slug = factory.Sequence(lambda n: f"press-release-{n}")
    date = factory.LazyFunction(lambda: date(2024, 4, 30))
    lede_en = "What happened, in one sentence."
    lede_zh_hans = "一句话概要。"

    class Meta:
        model = PressReleasePage


class PressConferencePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Press conference {n}")
    title_zh_hans = factory.Sequence(lambda n: f"新闻发布会 {n}")
    slug = factory.Sequence(lambda n: f"press-conference-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    duration_minutes = 60
    venue_en = "Press hall"
    venue_zh_hans = "新闻发布厅"

    class Meta:
        model = PressConferencePage


class JournalistFAQPageFactory(wagtail_factories.PageFactory):
    title_en = "Q&A for resident journalists"
    title_zh_hans = "常驻记者问答"
    slug = "questions-and-answers"

    class Meta:
        model = JournalistFAQPage


class JournalistFAQItemFactory(factory.django.DjangoModelFactory):
    question_en = factory.Sequence(lambda n: f"Question {n}?")
    question_zh_hans = factory.Sequence(lambda n: f"问题 {n}？")
    answer_en = "<p>An answer.</p>"
    answer_zh_hans = "<p>回答。</p>"

    class Meta:
        model = JournalistFAQItem


class JournalistRegistrationFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Journalist {n}")
    outlet = "Example Daily"
    outlet_country = "France"
    position = "Correspondent"
    nationality = "French"
    press_card_number = factory.Sequence(lambda n: f"PC-{n:05d}")
    email = factory.Sequence(lambda n: f"journalist{n}@example.org")
    phone = "+33 1 00 00 00 00"
    working_languages = "French, English"
    status = JournalistRegistration.Status.SUBMITTED
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = JournalistRegistration


class InterviewRequestFactory(factory.django.DjangoModelFactory):
    registration = factory.SubFactory(JournalistRegistrationFactory)
    topic = "Services for international residents"

    class Meta:
        model = InterviewRequest


def registration_form_data(**overrides):
    """What a journalist types into the registration form, as POST data (the press card scan aside)."""
    data = {
        "full_name": "Li Wei",
        "native_name": "李伟",
        "outlet": "Example Broadcasting",
        "outlet_country": "Singapore",
        "position": "Correspondent",
        "nationality": "Singaporean",
        "press_card_number": "SG-2024-118",
        "email": "li.wei@example.org",
        "phone": "+65 6000 0000",
        "wechat_id": "",
        "working_languages": "English, Chinese",
        "consent": "on",
        "website": "",
        "interviews-TOTAL_FORMS": "3",
        "interviews-INITIAL_FORMS": "0",
        "interviews-MIN_NUM_FORMS": "1",
        "interviews-MAX_NUM_FORMS": "5",
        "interviews-0-topic": "Services for international residents",
        "interviews-0-agencies_wished": "Foreign Affairs Office",
        "interviews-0-preferred_dates": "Any weekday in June",
        "interviews-0-notes": "",
    }
    data.update(overrides)
    return data
