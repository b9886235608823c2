"""Factories for the CNS pages and models (wagtail-factories for pages; build under `parent=`)."""

import datetime

import factory

from django.utils import timezone

import wagtail_factories

from .models import (
    ArticlePage,
    ArticleTopic,
    CNSHomePage,
    District,
    EventPage,
    Feedback,
    FeedbackTopic,
    GuideIndexPage,
    GuidePage,
    ServicePlatform,
    Township,
)


def step(title, documents=(), platform=None, page=None, place="", fees="", text="Do this."):
    """One raw step of a guide's `steps` stream."""
    return {
        "type": "step",
        "value": {
            "title": title,
            "description": f"<p>{text}</p>",
            "documents": list(documents),
            "fees": fees,
            "where_to_go": {
                "platform": platform.pk if platform else None,
                "page": page.pk if page else None,
                "place": place,
            },
        },
    }


class CNSHomePageFactory(wagtail_factories.PageFactory):
    title_en = "City News Service"
    title_zh_hans = "城市新闻服务"
    slug = "cns"
    intro_en = "Guides, news and events for foreign residents."
    intro_zh_hans = "面向外籍居民的指南、新闻和活动。"

    class Meta:
        model = CNSHomePage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Guides"
    title_zh_hans = "办事指南"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Guide {n}")
    title_zh_hans = factory.Sequence(lambda n: f"指南 {n}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    category = "accommodation"
    audience = "everyone"
    summary_en = "What this guide helps with."
    summary_zh_hans = "本指南的用途。"
    steps_en = factory.LazyFunction(lambda: [step("First step")])
    steps_zh_hans = factory.LazyFunction(lambda: [step("第一步")])
    last_reviewed = datetime.date(2026, 11, 1)

    class Meta:
        model = GuidePage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Article {n}")
    title_zh_hans = factory.Sequence(lambda n: f"新闻 {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = datetime.date(2024, 4, 30)
    intro_en = "A summary."
    intro_zh_hans = "摘要。"

    class Meta:
        model = ArticlePage


class EventPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Event {n}")
    title_zh_hans = factory.Sequence(lambda n: f"活动 {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "cultural"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    venue_en = "Community centre"
    venue_zh_hans = "社区中心"

    class Meta:
        model = EventPage


class ServicePlatformFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Platform {n}")
    name_zh_hans = factory.Sequence(lambda n: f"平台 {n}")
    slug = factory.Sequence(lambda n: f"platform-{n}")

    class Meta:
        model = ServicePlatform


class DistrictFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"District {n}")
    name_zh_hans = factory.Sequence(lambda n: f"区 {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = District


class TownshipFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Township {n}")
    name_zh_hans = factory.Sequence(lambda n: f"街镇 {n}")
    slug = factory.Sequence(lambda n: f"township-{n}")
    kind = "town"
    district = factory.SubFactory(DistrictFactory)
    joined_on = datetime.date(2024, 4, 30)

    class Meta:
        model = Township


class ArticleTopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Article topic {n}")
    name_zh_hans = factory.Sequence(lambda n: f"文章主题 {n}")
    slug = factory.Sequence(lambda n: f"article-topic-{n}")

    class Meta:
        model = ArticleTopic


class FeedbackTopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_zh_hans = factory.Sequence(lambda n: f"主题 {n}")

    class Meta:
        model = FeedbackTopic


class FeedbackFactory(factory.django.DjangoModelFactory):
    topic = factory.SubFactory(FeedbackTopicFactory)
    message = "The bus stop near our community centre needs an English sign."
    consent = True

    class Meta:
        model = Feedback


def feedback_form_data(topic, /, **overrides):
    """What a resident types into the feedback form, as POST data."""
    data = {
        "topic": topic.pk,
        "township": "",
        "message": "Please add English signs at the bus stops near the community centre.",
        "name": "Ana",
        "email": "ana@example.org",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data
