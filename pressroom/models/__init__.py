from .pages import (  # noqa: F401
    ConferenceSpeaker,
    JournalistFAQItem,
    JournalistFAQPage,
    PressConferencePage,
    PressReleaseAgency,
    PressReleaseDocument,
    PressReleaseImage,
    PressReleasePage,
    PressroomPage,
    PressTopic,
)
from .registration import (  # noqa: F401
    InterviewRequest,
    JournalistRegistration,
    RegistrationStatusChange,
)
