from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_login, pagecache, staffnames  # noqa: F401 - connect their signal receivers
        from .roles import apply_roles_after_migrate

        staffnames.install()

        # Once per migrate (sent for each app; this one only for the portal's), after the migrations.
        post_migrate.connect(apply_roles_after_migrate, sender=self, dispatch_uid="portal.roles")
