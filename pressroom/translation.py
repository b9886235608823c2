from modeltranslation.translator import TranslationOptions, register

from .models import (
    ConferenceSpeaker,
    JournalistFAQItem,
    JournalistFAQPage,
    PressConferencePage,
    PressReleaseDocument,
    PressReleaseImage,
    PressReleasePage,
    PressroomPage,
    PressTopic,
)


@register(PressTopic)
class PressTopicTranslation(TranslationOptions):
    fields = ("name",)


@register(PressroomPage)
class PressroomPageTranslation(TranslationOptions):
    fields = ("intro", "registration_intro", "privacy_notice")


@register(PressReleasePage)
class PressReleasePageTranslation(TranslationOptions):
    fields = ("lede", "body", "spokesperson_name", "spokesperson_role")


@register(PressReleaseImage)
class PressReleaseImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption", "credit")


@register(PressReleaseDocument)
class PressReleaseDocumentTranslation(TranslationOptions):
    fields = ("label",)


@register(PressConferencePage)
class PressConferencePageTranslation(TranslationOptions):
    fields = ("summary", "venue", "transcript", "captions")


@register(ConferenceSpeaker)
class ConferenceSpeakerTranslation(TranslationOptions):
    fields = ("name", "role")


@register(JournalistFAQPage)
class JournalistFAQPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(JournalistFAQItem)
class JournalistFAQItemTranslation(TranslationOptions):
    fields = ("question", "answer")
