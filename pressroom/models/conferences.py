"""Press conferences: when they take place, who speaks, and their broadcast, live and recorded.

A conference is broadcast from the site itself (no page asks another host for anything): live, an
HLS stream on the site's own host that `static/js/broadcast.js` plays with hls.js; ended, a recording
from the Wagtail media library (wagtailmedia) in a `<video>` with WebVTT captions in each language.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from wagtailmedia.edit_handlers import MediaChooserPanel

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal import sharing
from portal.dated import SpanPage, SpanQuerySet
from portal.examples import ExampleMixin
from portal.i18n import html_lang
from portal.preview import LanguagePreviewMixin

from ..blocks import RICH_FEATURES


def keep_status_fresh(response, conferences):
    """Keep a whole-page cache from serving a conference status that the clock has since changed."""
    window = settings.PAGE_CACHE_SECONDS
    if not window:
        return
    changes = [c.seconds_until_status_change() for c in conferences]
    if any(seconds is not None and seconds <= window for seconds in changes):
        add_never_cache_headers(response)


def on_this_site(address):
    """Whether `address` is on the site's own host (SITE_URL), which the pages may ask."""
    return urlsplit(address).netloc == urlsplit(settings.SITE_URL).netloc


def validate_webvtt(upload):
    """A caption file must be WebVTT: its first line begins with "WEBVTT" (after an optional BOM).
    Checked when it is uploaded; a stored file was checked then."""
    if getattr(upload, "_committed", False):
        return
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(_("This is not a WebVTT file: its first line must begin with WEBVTT."))


class CaptionsFile(FieldFile):
    """Django's FieldFile raises on the length of a field with no file; the portal measures a
    translated field by its length (`portal.i18n`, "not translated yet"), so none has length 0."""

    def __len__(self):
        return super().__len__() if self else 0


class CaptionsField(models.FileField):
    attr_class = CaptionsFile


class PressConferenceForm(WagtailAdminPageForm):
    def clean_live_stream_url(self):
        address = self.cleaned_data["live_stream_url"]
        if address and not on_this_site(address):
            host = urlsplit(settings.SITE_URL).netloc
            raise ValidationError(
                _("Enter an address on this site (%(host)s): pages ask no other host for anything."),
                params={"host": host},
            )
        return address


class PressConferencePage(LanguagePreviewMixin, ExampleMixin, SpanPage, Page):
    """A municipal press conference; its status follows from the clock."""

    UPCOMING, LIVE, ARCHIVED = "upcoming", "live", "archived"
    STATUS_LABELS = {UPCOMING: _("Upcoming"), LIVE: _("Live now"), ARCHIVED: _("Ended")}

    start = models.DateTimeField(
        _("start"),
        help_text=_("Enter Beijing time (Asia/Shanghai); it is stored in UTC and shown to visitors in Beijing time."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    ends_at = models.DateTimeField(editable=False, db_index=True)
    summary = models.TextField(_("summary"), blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    live_stream_url = models.URLField(
        _("live stream (HLS address)"),
        blank=True,
        help_text=_(
            "The stream's .m3u8 address on this site's own host; it plays on the page while the "
            "conference is under way."
        ),
    )
    recording = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A video from the media library (MP4, H.264), played on the page once the conference has ended."),
    )
    captions = CaptionsField(
        _("captions (WebVTT)"),
        upload_to="conference-captions/",
        blank=True,
        validators=[FileExtensionValidator(["vtt"]), validate_webvtt],
        help_text=_("The recording's captions in this language, as a .vtt file."),
    )
    archived_video_url = models.URLField(
        _("recording elsewhere (link)"),
        blank=True,
        help_text=_("Only where the recording is not in the media library: a link to it."),
    )
    transcript = RichTextField(_("transcript"), blank=True, features=RICH_FEATURES)

    objects = PageManager.from_queryset(SpanQuerySet)()
    end_field = "ends_at"  # `end` follows from the start and the duration; the column keeps it for queries
    calendar_uid = "press-conference"

    content_panels = (
        Page.content_panels
        + ExampleMixin.example_panels
        + [
            FieldRowPanel([FieldPanel("start"), FieldPanel("duration_minutes")]),
            FieldPanel("venue"),
            FieldPanel("summary"),
            InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
            MultiFieldPanel(
                [
                    FieldPanel("live_stream_url"),
                    MediaChooserPanel("recording", media_type="video"),
                    FieldPanel("captions"),
                    FieldPanel("archived_video_url"),
                ],
                heading=_("Broadcast"),
            ),
            FieldPanel("transcript"),
        ]
    )
    base_form_class = PressConferenceForm

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
        context["status"] = self.status
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

    @property
    def live_stream_plays_here(self):
        """The player plays only a stream on the site's own host; another is a link, no more."""
        return bool(self.live_stream_url) and on_this_site(self.live_stream_url)

    def caption_tracks(self):
        """A `<track>` per language with captions: (file, srclang, label in the visitor's language, default)."""
        current = get_language()
        tracks = []
        for code, name in settings.LANGUAGES:
            captions = getattr(self, build_localized_fieldname("captions", code))
            if captions:
                tracks.append((captions, html_lang(code), name, code == current))
        return tracks

    def other_transcripts(self):
        """The transcript in each other language that has one of its own, as (lang, language, html)."""
        current, shown = get_language(), self.transcript
        others = []
        for code, name in settings.LANGUAGES:
            text = getattr(self, build_localized_fieldname("transcript", code))
            if code != current and text and text != shown:
                others.append((html_lang(code), name, text))
        return others

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
