"""The site-wide notice: one message at the top of every public page, switched on by moderators.

An information, a warning or an emergency (a typhoon, a closed office), in both languages, with
an optional link, from a start time to an optional end time. The clock (`refresh_site_notice`,
in settings.CLOCK_JOBS) starts a new page-cache generation when the notice starts and when it
ends, and switches it off at its end; saving or deleting it starts one too (`notices.shown`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting


class SiteNotice(BaseGenericSetting):
    class Level(models.TextChoices):
        # The label is what the page shows before the text, so it names the level in words too.
        INFORMATION = "information", _("Information")
        WARNING = "warning", _("Warning")
        EMERGENCY = "emergency", _("Emergency")

    shown = models.BooleanField(
        _("show the notice"),
        default=False,
        help_text=_("At the top of every page of the site, from the start time to the end time."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.INFORMATION)
    text = models.CharField(
        _("text"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences. Without Chinese, the Chinese pages show the English."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page of the site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("or link to another address"), blank=True)
    link_text = models.CharField(
        _("link text"), max_length=80, blank=True, help_text=_("“More information” when left empty.")
    )
    starts_at = models.DateTimeField(_("start"), default=timezone.now, help_text=_("Beijing time."))
    ends_at = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Beijing time. The notice is switched off at this moment; empty: shown until switched off."),
    )
    # Whether the pages were last refreshed with the notice showing: the clock compares it with
    # whether it should show now, and refreshes them when the two differ (at the start time).
    on_pages = models.BooleanField(default=False, editable=False)

    panels = [
        MultiFieldPanel([FieldPanel("shown"), FieldPanel("level")], heading=_("Notice")),
        FieldPanel("text"),
        MultiFieldPanel(
            [PageChooserPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link (optional)"),
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
    ]

    class Meta:
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self):
        return str(self._meta.verbose_name)

    def clean(self):
        errors = {}
        english = build_localized_fieldname("text", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        if self.shown and not (getattr(self, english, "") or "").strip():
            errors[english] = _("Write the notice’s text before showing it.")
        if self.link_page_id and self.link_url:
            errors["link_url"] = _("Link to a page of the site or to another address, not both.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if errors:
            raise ValidationError(errors)

    def is_live(self, now=None):
        """Whether pages show the notice at `now`."""
        now = now or timezone.now()
        return self.shown and self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    def has_ended(self, now=None):
        return self.ends_at is not None and self.ends_at <= (now or timezone.now())

    def save(self, *args, **kwargs):
        # Saving refreshes every page (notices.shown), so the pages then show what is live now.
        self.on_pages = self.is_live()
        super().save(*args, **kwargs)
