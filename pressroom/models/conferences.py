"""Press conferences: when they take place, who speaks, and where to watch them live or archived."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal import sharing
from portal.dated import SpanPage, SpanQuerySet

from ..blocks import RICH_FEATURES


def keep_status_fresh(response, conferences):
    """Keep a whole-page cache from serving a conference status that the clock has since changed."""
    window = settings.PAGE_CACHE_SECONDS
    if not window:
        return
    changes = [c.seconds_until_status_change() for c in conferences]
    if any(seconds is not None and seconds <= window for seconds in changes):
        add_never_cache_headers(response)


class PressConferencePage(SpanPage, Page):
    """A municipal press conference; its status follows from the clock."""

    UPCOMING, LIVE, ARCHIVED = "upcoming", "live", "archived"
    STATUS_LABELS = {UPCOMING: _("Upcoming"), LIVE: _("Live now"), ARCHIVED: _("Archived")}

    start = models.DateTimeField(
        _("start"),
        help_text=_("Enter Beijing time (Asia/Shanghai); it is stored in UTC and shown to visitors in Beijing time."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    ends_at = models.DateTimeField(editable=False, db_index=True)
    summary = models.TextField(_("summary"), blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    live_stream_url = models.URLField(_("live stream link"), blank=True)
    archived_video_url = models.URLField(_("archived video link"), blank=True)
    transcript = RichTextField(_("transcript"), blank=True, features=RICH_FEATURES)

    objects = PageManager.from_queryset(SpanQuerySet)()
    end_field = "ends_at"  # `end` follows from the start and the duration; the column keeps it for queries
    calendar_uid = "press-conference"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("duration_minutes")]),
        FieldPanel("venue"),
        FieldPanel("summary"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        FieldRowPanel([FieldPanel("live_stream_url"), FieldPanel("archived_video_url")]),
        FieldPanel("transcript"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("transcript"),
        index.FilterField("start"),
    ]

    parent_page_types = ["pressroom.PressroomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        # The pressroom and its calendar list the next and the latest conferences in this order
        # (see SpanQuerySet) and stop after a few: read from the index, not sorted.
        indexes = [models.Index(fields=["start", "page_ptr"], name="pressroom_conference_start")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = list(self.speakers.all())
        return context

    def save(self, *args, **kwargs):
        if self.start is not None:
            self.ends_at = self.end
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        keep_status_fresh(response, [self])
        return response

    def structured_data(self, request=None):
        return sharing.event(self, request, self.summary, online=self.live_stream_url)

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes or 0)

    def status_at(self, now):
        if now < self.start:
            return self.UPCOMING
        if now < self.end:
            return self.LIVE
        return self.ARCHIVED

    @property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def status_label(self):
        return self.STATUS_LABELS[self.status]

    def seconds_until_status_change(self, now=None):
        """Seconds until this conference goes live or ends; None once it is archived."""
        now = now or timezone.now()
        status = self.status_at(now)
        if status == self.ARCHIVED:
            return None
        moment = self.start if status == self.UPCOMING else self.end
        return (moment - now).total_seconds()


class ConferenceSpeaker(Orderable):
    page = ParentalKey(PressConferencePage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
