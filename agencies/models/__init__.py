from .directory import AgencyIndexPage
from .profile import AgencyOfficeHours, AgencyOtherName, AgencyPage, AgencyResponsibility, BodyKind

__all__ = [
    "AgencyIndexPage",
    "AgencyOfficeHours",
    "AgencyOtherName",
    "AgencyPage",
    "AgencyResponsibility",
    "BodyKind",
]
