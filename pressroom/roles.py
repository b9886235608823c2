"""Staff roles of the pressroom (applied by ``portal.roles`` after every migrate).

Press officers review journalist registrations and download their credentials; nobody else on
staff sees them (personal data). Press topics are an editorial list, kept by editors and moderators.
"""

from portal.roles import Role

PRESS_OFFICERS = Role(
    "Press officers",
    permissions=("pressroom.view_journalistregistration", "pressroom.change_journalistregistration"),
)

ROLES = [PRESS_OFFICERS]
EDITORIAL_LISTS = ["pressroom.PressTopic"]
