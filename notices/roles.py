"""Who keeps the site notice (applied by ``portal.roles`` after every migrate).

Moderators only, as they alone publish: the notice is on every page at once, without approval.
"""

from portal.roles import MODERATORS, Role

ROLES = [Role(MODERATORS.name, permissions=("notices.change_sitenotice",))]
