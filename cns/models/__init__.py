from .choices import AUDIENCE_DESCRIPTIONS, EVERYONE, Audience, EventKind, GuideCategory, TownshipKind
from .directory import District, FeedbackTopic, ServicePlatform, Township
from .feedback import Feedback
from .pages import (
    ArticlePage,
    ArticlePageTag,
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
    "ArticlePageTag",
    "Audience",
    "CNSHomePage",
    "District",
    "EventKind",
    "EventPage",
    "Feedback",
    "FeedbackTopic",
    "GuideCategory",
    "GuideIndexPage",
    "GuidePage",
    "GuideRelatedGuide",
    "ServicePlatform",
    "Township",
    "TownshipKind",
]
