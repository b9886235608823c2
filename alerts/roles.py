"""Staff roles of the email alerts (applied by ``portal.roles`` after every migrate).

Subscribers' addresses are personal data: only the alert managers (and superusers) see them,
and may delete one on its owner's request. Unconfirmed subscriptions reach nobody on staff.
"""

from django.utils.translation import gettext_noop

from portal.roles import Role

ALERT_MANAGERS = Role(
    gettext_noop("Email alert managers"),
    permissions=("alerts.view_subscription", "alerts.delete_subscription"),
)

ROLES = [ALERT_MANAGERS]
