"""Who triages page feedback (applied by ``portal.roles`` after every migrate).

Editors and moderators, who put pages right: they read the staff report and mark what they have
dealt with. No new role: the feedback asks for no personal data, and nobody else fixes pages.
"""

from portal.roles import EDITORIAL_ROLES, Role

TRIAGE = ("page_feedback.view_pagefeedback", "page_feedback.change_pagefeedback")

ROLES = [Role(name, permissions=TRIAGE) for name in EDITORIAL_ROLES]
