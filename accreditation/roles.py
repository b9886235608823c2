"""Staff roles of accreditation (applied by ``portal.roles`` after every migrate).

Editors and moderators open accreditation on a conference; press officers review the
applications (personal data: nobody else on staff sees them) and see the accreditations they belong to.
"""

from portal.roles import EDITORIAL_ROLES, Role
from pressroom.roles import PRESS_OFFICERS

ACCREDITATION_SETTINGS = tuple(
    f"accreditation.{action}_accreditation" for action in ("add", "change", "delete", "view")
)

ROLES = [
    *(Role(name, permissions=ACCREDITATION_SETTINGS) for name in EDITORIAL_ROLES),
    Role(
        PRESS_OFFICERS.name,
        permissions=(
            "accreditation.view_accreditation",
            "accreditation.view_application",
            "accreditation.change_application",
        ),
    ),
]
