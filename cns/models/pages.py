"""The CNS page tree: its home (with the township, event and feedback routes), guides, news, events.

The routes are views of `cns.views`, which reach the page types through the CNS home page
and import only the models of the modules beside this one.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal import sharing
from portal.blocks import ContentStreamBlock
from portal.changes import ChangeHistory
from portal.dated import DayPage, DayQuerySet, ListedPage, SpanPage, SpanQuerySet
from portal.examples import ExampleMixin
from portal.listings import ListingPaginator
from portal.preview import LanguagePreviewMixin
from portal.statements import children
from portal.visibility import public
from portal.withdrawal import LanguageQuerySet

from .. import feeds, views
from ..blocks import GuideStepsBlock
from ..forms import GuideFilterForm
from .choices import EVERYONE, GUIDE_AUDIENCE_CHOICES, Audience, EventKind, GuideCategory
from .directory import Township


class CNSChildMixin:
    """Pages under CNS link to its routes (feedback, townships, events), so they know their CNS home."""

    def cns_home(self):
        # A page served through `portal.routing` has its ancestors read already: the CNS home
        # among them is taken as it is (its links need none of its own fields), without a query.
        ancestors = getattr(self, "routed_ancestors", None)
        if ancestors is not None:
            for ancestor in ancestors[:-1]:
                if ancestor.live and ancestor.specific_class is CNSHomePage:
                    return ancestor.specific_deferred
            return None
        return CNSHomePage.objects.ancestor_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cns"] = self.cns_home()
        return context


class CNSHomePage(LanguagePreviewMixin, ListedPage, RoutablePageMixin, Page):
    """City News Service: entrances by audience; the alliance townships, events and feedback as routes."""

    intro = models.TextField(_("introduction"), blank=True)
    alliance_intro = models.TextField(
        _("about the alliance"), blank=True, help_text=_("Shown above the township listing.")
    )
    alliance_estimate = models.PositiveIntegerField(
        _("alliance's estimate of foreign residents"),
        null=True,
        blank=True,
        help_text=_("The published aggregate for all member townships together."),
    )
    feedback_intro = models.TextField(_("feedback introduction"), blank=True)
    services_intro = models.TextField(
        _("about the service platforms"), blank=True, help_text=_("Shown at the top of the services page.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("alliance_intro"), FieldPanel("alliance_estimate")], heading=_("Alliance")),
        FieldPanel("services_intro"),
        FieldPanel("feedback_intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("alliance_intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["cns.GuideIndexPage", "cns.ArticlePage", "cns.EventPage"]
    max_count = 1

    news_per_page = 12
    events_per_page = 12  # upcoming and past alike

    class Meta:
        verbose_name = _("CNS home page")

    def guide_index(self):
        return GuideIndexPage.objects.child_of(self).live().first()

    def sitemap_subpaths(self):
        listings = [self.reverse_subpage(name) for name in ("services", "news", "events", "townships", "feedback")]
        audiences = [self.reverse_subpage("audience", args=[audience]) for audience in Audience.values]
        townships = [
            self.reverse_subpage("township", args=[slug])
            for slug in Township.objects.order_by("slug").values_list("slug", flat=True)
        ]
        return listings + audiences + townships

    def articles(self):
        return public(ArticlePage.objects.child_of(self).live()).in_language().recent()

    def events(self):
        return public(EventPage.objects.child_of(self).live()).in_language()

    def guides(self):
        return public(GuidePage.objects.live()).in_language().descendant_of(self)

    @property
    def guides_per_page(self):
        """Guides on a page of any list of guides: the guide index's number."""
        return GuideIndexPage.guides_per_page

    @path("")
    def index_route(self, request):
        return views.cns_home(request, self)

    @path("for/<slug:audience>/", name="audience")
    def audience_route(self, request, audience):
        return views.audience_entrance(request, self, audience)

    @path("services/", name="services")
    def services_route(self, request):
        return views.service_directory(request, self)

    @path("news/", name="news")
    def news_route(self, request):
        return views.news_list(request, self)

    @path("news/feed/", name="news_feed")
    def news_feed_route(self, request):
        return feeds.news_feed(request, self)

    @path("events/", name="events")
    def events_route(self, request):
        return views.event_list(request, self, past=False)

    @path("events/past/", name="past_events")
    def past_events_route(self, request):
        return views.event_list(request, self, past=True)

    @path("events/ical/", name="events_feed")
    def events_feed_route(self, request):
        return views.events_feed(request, self)

    @path("townships/", name="townships")
    def townships_route(self, request):
        return views.township_list(request, self)

    @path("townships/<slug:slug>/", name="township")
    def township_route(self, request, slug):
        return views.township_detail(request, self, slug)

    @path("feedback/", name="feedback")
    def feedback_route(self, request):
        return views.feedback_form(request, self)

    @path("feedback/thanks/", name="feedback_thanks")
    def feedback_thanks_route(self, request):
        return views.feedback_thanks(request, self)


class GuideIndexPage(LanguagePreviewMixin, CNSChildMixin, Page):
    """All guides, filtered by category and audience."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cns.CNSHomePage"]
    subpage_types = ["cns.GuidePage"]

    guides_per_page = 24  # full rows of a grid of one, two or three cards

    class Meta:
        verbose_name = _("guide index page")

    def get_context(self, request, *args, **kwargs):
        """Its guides, narrowed by the category and audience asked for (a choice it does not offer: none)."""
        context = super().get_context(request, *args, **kwargs)
        offered = public(GuidePage.objects.live()).in_language().child_of(self)
        form = GuideFilterForm(request.GET or None, guides=offered)
        category = audience = ""
        if form.is_bound and form.is_valid():
            category, audience = form.cleaned_data["category"], form.cleaned_data["audience"]
        elif form.is_bound:
            form = GuideFilterForm(guides=offered)
        guides = offered.filtered(category, audience)
        guides = guides.in_index_order().defer_streamfields()
        context.update(
            filter_form=form,
            guides=ListingPaginator(guides, self.guides_per_page).get_page(request.GET.get("page")),
            selected_category=GuideCategory(category).label if category else "",
            selected_audience=Audience(audience).label if audience else "",
            filtered=bool(category or audience),
        )
        return context


class GuidePageQuerySet(LanguageQuerySet):
    def for_audience(self, audience):
        return self.filter(audience__in=[audience, EVERYONE])

    def in_category(self, category):
        return self.filter(category=category)

    def filtered(self, category="", audience=""):
        """In `category` and for `audience`, each when given."""
        guides = self.in_category(category) if category else self
        return guides.for_audience(audience) if audience else guides

    def in_index_order(self):
        return self.order_by("category", "title", "pk")


class GuidePage(LanguagePreviewMixin, ExampleMixin, CNSChildMixin, ChangeHistory, Page):
    """A step-by-step guide: what to bring, what it costs and where to go at each step."""

    category = models.CharField(_("category"), max_length=30, choices=GuideCategory.choices)
    audience = models.CharField(_("audience"), max_length=20, choices=GUIDE_AUDIENCE_CHOICES, default=EVERYONE)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences: who needs this and what it achieves."))
    steps = StreamField(GuideStepsBlock(), verbose_name=_("steps"))
    notes = StreamField(ContentStreamBlock(), verbose_name=_("further notes"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"), help_text=_("Shown to readers; update it whenever you check the guide.")
    )

    objects = PageManager.from_queryset(GuidePageQuerySet)()

    content_panels = Page.content_panels + [
        *ExampleMixin.example_panels,
        FieldRowPanel([FieldPanel("category"), FieldPanel("audience")]),
        FieldPanel("summary"),
        FieldPanel("steps"),
        FieldPanel("notes"),
        FieldPanel("last_reviewed"),
        InlinePanel("related_guides", heading=_("Related guides"), label=_("Related guide")),
        *ChangeHistory.panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.FilterField("category"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["cns.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def structured_data(self, request=None):
        return sharing.government_service(
            self, request, self.summary, self.get_category_display(), self.get_audience_display()
        )

    def related(self):
        return [
            link.guide
            for link in children(self, "related_guides", "guide")
            if link.guide is not None and link.guide.live
        ]


class GuideRelatedGuide(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(GuidePage, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("guide", "cns.GuidePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related guide")


class ArticlePage(LanguagePreviewMixin, CNSChildMixin, DayPage, ChangeHistory, Page):
    """A CNS news article."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=150, blank=True)
    intro = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    photo_credit = models.CharField(_("photo credit"), max_length=150, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    audience = models.CharField(_("audience"), max_length=20, choices=GUIDE_AUDIENCE_CHOICES, default=EVERYONE)
    topics = ParentalManyToManyField("cns.ArticleTopic", verbose_name=_("topics"), blank=True, related_name="articles")

    objects = PageManager.from_queryset(DayQuerySet)()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("photo_credit")], heading=_("Image")),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]),
        *ChangeHistory.panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["cns.CNSHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("CNS article")
        verbose_name_plural = _("CNS articles")
        # News lists sort by date: the index keeps that cheap however many articles there are.
        indexes = [models.Index(fields=["date", "page_ptr"], name="cns_article_date")]

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _("Describe the image for readers who cannot see it.")})

    def lead_image(self):
        return (self.image, self.image_alt) if self.image_id else None

    def structured_data(self, request=None):
        return sharing.news_article(self, request, self.intro, self.author)


class EventPage(LanguagePreviewMixin, ExampleMixin, CNSChildMixin, SpanPage, ChangeHistory, Page):
    """An offline CNS event, usually in an alliance township."""

    listed_on_home = True

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"), help_text=_("Shanghai time."))
    end = models.DateTimeField(_("ends"), help_text=_("Shanghai time."))
    all_day = models.BooleanField(_("all day"), default=False, help_text=_("Show dates only, without times."))
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    township = models.ForeignKey(
        "cns.Township",
        verbose_name=_("township"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    sign_up = models.TextField(_("how to sign up"), blank=True)
    sign_up_url = models.URLField(_("sign-up web address"), blank=True)

    objects = PageManager.from_queryset(SpanQuerySet)()
    calendar_uid = "cns-event"

    content_panels = Page.content_panels + [
        *ExampleMixin.example_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("all_day"),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("township")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("sign_up"), FieldPanel("sign_up_url")], heading=_("Signing up")),
        *ChangeHistory.panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]

    parent_page_types = ["cns.CNSHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("CNS event")
        verbose_name_plural = _("CNS events")
        indexes = [models.Index(fields=["start", "page_ptr"], name="cns_event_start")]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    def structured_data(self, request=None):
        return sharing.event(self, request, self.summary)

    def calendar_location(self):
        return ", ".join(part for part in [self.venue, self.township and self.township.name] if part)
