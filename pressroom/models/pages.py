"""The pressroom's pages: the pressroom itself, press releases, press conferences, the journalists' Q&A."""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.blocks import ContentStreamBlock
from portal.models import Topic

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
# Related agencies are pages of the agency directory; the link is a plain page reference so
# that the pressroom's tables do not depend on the agencies app's migrations.
AGENCY_PAGE_TYPE = "agencies.AgencyPage"


def display_time_zone():
    return zoneinfo.ZoneInfo(getattr(settings, "PRESSROOM_DISPLAY_TIME_ZONE", "Asia/Shanghai"))


def keep_status_fresh(response, conferences):
    """Keep a whole-page cache from serving a conference status that the clock has since changed."""
    window = getattr(settings, "PAGE_CACHE_SECONDS", 0)
    if not window:
        return
    changes = [c.seconds_until_status_change() for c in conferences]
    if any(seconds is not None and seconds <= window for seconds in changes):
        add_never_cache_headers(response)


@register_snippet
class PressTopic(Topic):
    """A subject press releases are filed under, offered as a filter in the pressroom."""

    class Meta(Topic.Meta):
        verbose_name = _("press topic")
        verbose_name_plural = _("press topics")


class PressroomPage(RoutablePageMixin, Page):
    """The press section: releases, conferences, feeds, and the journalists' registration routes."""

    intro = models.TextField(_("introduction"), blank=True)
    registration_intro = RichTextField(
        _("registration introduction"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Shown above the journalists' registration form."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("What the Office does with journalists' personal data; shown on the registration form."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("registration_intro"), FieldPanel("privacy_notice")],
            heading=_("Journalist registration"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["pressroom.PressReleasePage", "pressroom.PressConferencePage", "pressroom.JournalistFAQPage"]

    releases_per_page = 10

    class Meta:
        verbose_name = _("pressroom")

    # Listing, archive and feeds ------------------------------------------------------
    def sitemap_subpaths(self):
        """The routes of this page that search engines should find, besides the page itself."""
        return [self.reverse_subpage(name) for name in ("register", "status")]

    @path("")
    def index_route(self, request):
        from pressroom import views

        return views.pressroom_index(request, self)

    @path("archive/<int:year>/")
    def year_archive(self, request, year):
        from pressroom import views

        return views.pressroom_index(request, self, year=year)

    @path("archive/<int:year>/<int:month>/")
    def month_archive(self, request, year, month):
        from pressroom import views

        return views.pressroom_index(request, self, year=year, month=month)

    @path("feed/", name="feed")
    def release_feed(self, request):
        from pressroom import feeds

        return feeds.release_feed(request, self)

    @path("calendar/", name="calendar")
    def conference_calendar(self, request):
        from pressroom import feeds

        return feeds.conference_calendar(request, self)

    # Journalist registration ---------------------------------------------------------
    @path("register/", name="register")
    def register(self, request):
        from pressroom import views

        return views.register(request, self)

    @path("register/sent/", name="register_sent")
    def register_sent(self, request):
        from pressroom import views

        return views.register_sent(request, self)

    @path("register/confirm/<str:token>/", name="register_confirm")
    def register_confirm(self, request, token):
        from pressroom import views

        return views.register_confirm(request, self, token)

    @path("status/", name="status")
    def status(self, request):
        from pressroom import views

        return views.status(request, self)

    def releases(self):
        return PressReleasePage.objects.live().public().descendant_of(self).recent()

    def conferences(self):
        return PressConferencePage.objects.live().public().descendant_of(self)

    def faq_page(self):
        return JournalistFAQPage.objects.live().public().child_of(self).first()


class PressReleaseQuerySet(PageQuerySet):
    def recent(self):
        return self.order_by("-date", "-first_published_at", "-pk")


class PressReleasePage(Page):
    """A press release: dated, with a lede, a body, photos with credits, documents and a spokesperson."""

    date = models.DateField(_("release date"), default=timezone.localdate)
    lede = models.TextField(_("lede"), max_length=600, help_text=_("One or two sentences that sum up the release."))
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(PressTopic, verbose_name=_("topics"), blank=True, related_name="releases")
    spokesperson_name = models.CharField(_("spokesperson"), max_length=120, blank=True)
    spokesperson_role = models.CharField(_("spokesperson's role"), max_length=200, blank=True)
    spokesperson_email = models.EmailField(_("spokesperson's email"), blank=True)
    spokesperson_phone = models.CharField(_("spokesperson's telephone"), max_length=40, blank=True)

    objects = PageManager.from_queryset(PressReleaseQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lede"),
        FieldPanel("body"),
        InlinePanel("images", heading=_("Photos"), label=_("Photo")),
        InlinePanel("documents", heading=_("Attached documents"), label=_("Document")),
        InlinePanel("agency_links", heading=_("Related agencies"), label=_("Agency")),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("spokesperson_name"), FieldPanel("spokesperson_role")]),
                FieldRowPanel([FieldPanel("spokesperson_email"), FieldPanel("spokesperson_phone")]),
            ],
            heading=_("Spokesperson contact"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lede"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["pressroom.PressroomPage"]
    subpage_types = []
    listed_on_home = True

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    @property
    def listing_date(self):
        """The date lists such as the home page's show and sort by."""
        return self.date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["images"] = self.images.select_related("image")
        context["documents"] = self.documents.select_related("document")
        context["agencies"] = [link.agency for link in self.agency_links.select_related("agency") if link.agency.live]
        context["topics"] = self.topics.all()
        return context

    @property
    def spokesperson_phone_uri(self):
        return "tel:" + "".join(ch for ch in self.spokesperson_phone if ch.isdigit() or ch == "+")


class PressReleaseImage(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("text alternative"), max_length=250, help_text=_("What the photo shows, for people who cannot see it.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("photo credit"), max_length=120)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")


class PressReleaseDocument(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")


class PressReleaseAgency(Orderable):
    """A municipal agency the release concerns (a page of the agency directory)."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="agency_links")
    agency = models.ForeignKey("wagtailcore.Page", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("agency", page_type=AGENCY_PAGE_TYPE)]

    class Meta(Orderable.Meta):
        verbose_name = _("related agency")

    def clean(self):
        super().clean()
        if self.agency_id and self.agency.specific_class._meta.label != AGENCY_PAGE_TYPE:
            raise ValidationError({"agency": _("Choose a page of the agency directory.")})


class PressConferenceQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Conferences not over yet (upcoming or live), soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-start", "-pk")


class PressConferencePage(Page):
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

    objects = PageManager.from_queryset(PressConferenceQuerySet)()

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
        # (see PressConferenceQuerySet) and stop after a few: read from the index, not sorted.
        indexes = [models.Index(fields=["start", "page_ptr"], name="pressroom_conference_start")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = list(self.speakers.all())
        return context

    def save(self, *args, **kwargs):
        if self.start is not None:
            self.ends_at = self.start + timedelta(minutes=self.duration_minutes or 0)
        return super().save(*args, **kwargs)

    def status_at(self, now):
        end = self.start + timedelta(minutes=self.duration_minutes or 0)
        if now < self.start:
            return self.UPCOMING
        if now < end:
            return self.LIVE
        return self.ARCHIVED

    @property
    def status(self):
        return self.status_at(timezone.now())

    def seconds_until_status_change(self, now=None):
        """Seconds until this conference goes live or ends; None once it is archived."""
        now = now or timezone.now()
        status = self.status_at(now)
        if status == self.ARCHIVED:
            return None
        moment = self.start if status == self.UPCOMING else self.end
        return (moment - now).total_seconds()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        keep_status_fresh(response, [self])
        return response

    @property
    def status_label(self):
        return self.STATUS_LABELS[self.status]

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes or 0)

    @property
    def local_start(self):
        return timezone.localtime(self.start, display_time_zone())

    @property
    def local_end(self):
        return timezone.localtime(self.end, display_time_zone())


class ConferenceSpeaker(Orderable):
    page = ParentalKey(PressConferencePage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")


class JournalistFAQPage(Page):
    """Questions and answers for resident journalists, in the order editors give them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("faq_items", heading=_("Questions and answers"), label=_("Question"), min_num=1),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("faq_items", [index.SearchField("question"), index.SearchField("answer")]),
    ]

    parent_page_types = ["pressroom.PressroomPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Q&A for journalists")
        verbose_name_plural = _("Q&A pages for journalists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["faq_items"] = list(self.faq_items.all())
        return context


class JournalistFAQItem(Orderable):
    page = ParentalKey(JournalistFAQPage, on_delete=models.CASCADE, related_name="faq_items")
    question = models.CharField(_("question"), max_length=300)
    answer = RichTextField(_("answer"), features=RICH_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("question and answer")
