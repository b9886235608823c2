from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageFeedbackConfig(AppConfig):
    name = "page_feedback"
    verbose_name = _("Page feedback")
    default_auto_field = "django.db.models.BigAutoField"
