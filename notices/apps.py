from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Site notice")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import shown  # noqa: F401 - its receivers refresh the page cache when the notice changes
