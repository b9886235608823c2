from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CNSConfig(AppConfig):
    name = "cns"
    verbose_name = _("City News Service")
    default_auto_field = "django.db.models.BigAutoField"
