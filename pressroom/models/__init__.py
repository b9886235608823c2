# The pressroom page comes last: its routes import the views, which import the models above it.
from .conferences import ConferenceSpeaker, PressConferencePage
from .faq import JournalistFAQItem, JournalistFAQPage
from .registration import InterviewRequest, JournalistRegistration, RegistrationStatusChange
from .releases import PressReleaseAgency, PressReleaseDocument, PressReleaseImage, PressReleasePage, PressTopic

# isort: split
from .pressroom import PressroomPage

__all__ = [
    "ConferenceSpeaker",
    "InterviewRequest",
    "JournalistFAQItem",
    "JournalistFAQPage",
    "JournalistRegistration",
    "PressConferencePage",
    "PressReleaseAgency",
    "PressReleaseDocument",
    "PressReleaseImage",
    "PressReleasePage",
    "PressTopic",
    "PressroomPage",
    "RegistrationStatusChange",
]
