"""What visitors say about the page they read: "Is this page useful? Yes / No" and "Report a
problem with this page". Anonymous by design: no name or email is asked, and the form says not
to write personal details. Staff triage it in the admin report (page_feedback.reports).

Not a snippet: saving an answer must not start a new generation of the page cache
(portal.pagecache), which snippets do.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 500
PATH_MAX_LENGTH = 500


class PageFeedbackQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled=False)


class PageFeedback(models.Model):
    class Kind(models.TextChoices):
        YES = "yes", _("Useful")
        NO = "no", _("Not useful")
        PROBLEM = "problem", _("Problem reported")

    class Problem(models.TextChoices):
        WRONG = "wrong", _("Something is wrong or out of date")
        BROKEN = "broken", _("A link or a button does not work")
        UNCLEAR = "unclear", _("It is hard to understand")
        TRANSLATION = "translation", _("Text is missing or badly translated")
        OTHER = "other", _("Something else")

    # The page the visitor read (for a section's route, such as a township, the section's page);
    # the address says which of its routes. Kept when the page is deleted.
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(_("address"), max_length=PATH_MAX_LENGTH, db_index=True)
    # No choices: a third language in settings must need no migration.
    language = models.CharField(_("language"), max_length=10)
    kind = models.CharField(_("answer"), max_length=10, choices=Kind.choices, db_index=True)
    problem = models.CharField(_("what is wrong"), max_length=20, choices=Problem.choices, blank=True)
    message = models.TextField(_("what went wrong"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    handled = models.BooleanField(_("handled"), default=False, db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # Issued with the report form and sent back with it: a report sent twice is stored once.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.path}"
