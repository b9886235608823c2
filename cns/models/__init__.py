from .choices import AUDIENCE_DESCRIPTIONS, EVERYONE, Audience, EventKind, GuideCategory, TownshipKind
from .directory import ArticleTopic, District, FeedbackTopic, ServicePlatform, Township
from .feedback import Feedback, FeedbackNote
from .pages import (
    ArticlePage,
    CNSHomePage,
    EventPage,
    GuideIndexPage,
    GuidePage,
    GuideRelatedGuide,
)

__all__ = [
    "AUDIENCE_DESCRIPTIONS",
    "EVERYONE",
    "ArticlePage",
    "ArticleTopic",
    "Audience",
    "CNSHomePage",
    "District",
    "EventKind",
    "EventPage",
    "Feedback",
    "FeedbackNote",
    "FeedbackTopic",
    "GuideCategory",
    "GuideIndexPage",
    "GuidePage",
    "GuideRelatedGuide",
    "ServicePlatform",
    "Township",
    "TownshipKind",
]
