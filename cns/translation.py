from modeltranslation.translator import TranslationOptions, register

from .models import (
    ArticlePage,
    ArticleTopic,
    CNSHomePage,
    District,
    EventPage,
    FeedbackTopic,
    GuideIndexPage,
    GuidePage,
    ServicePlatform,
    Township,
)


@register(CNSHomePage)
class CNSHomePageTranslation(TranslationOptions):
    fields = ("intro", "alliance_intro", "feedback_intro", "services_intro")


@register(GuideIndexPage)
class GuideIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = ("summary", "steps", "notes")


@register(ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = ("author", "intro", "image_alt", "photo_credit", "body")


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = ("venue", "summary", "body", "sign_up")


@register(ServicePlatform)
class ServicePlatformTranslation(TranslationOptions):
    fields = ("name", "description", "hours")


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Township)
class TownshipTranslation(TranslationOptions):
    fields = ("name", "centre_name", "centre_address", "description", "estimate_source")


@register(FeedbackTopic)
class FeedbackTopicTranslation(TranslationOptions):
    fields = ("name",)


@register(ArticleTopic)
class ArticleTopicTranslation(TranslationOptions):
    fields = ("name",)
