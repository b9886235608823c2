"""The Content-Security-Policy of every response: the site's, and the admin's own under /admin/.

The site runs no inline script and loads nothing from other hosts (settings
CONTENT_SECURITY_POLICY). Wagtail's admin cannot run under that policy: its inline panels, date
pickers, choosers and wagtail-modeltranslation's field toggles write inline scripts and styles.
So the admin gets a policy of its own (settings ADMIN_CONTENT_SECURITY_POLICY) that allows
those, and still nothing from another host: no script, style, image, frame, form target or
connection off the site, no eval, no plugins, no <base>.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import default_config

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own policy (django-csp's decorators) still wins.
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
