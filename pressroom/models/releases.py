"""Press releases, the topics they are filed under, and their photos, documents and agencies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal import sharing
from portal.blocks import ContentStreamBlock
from portal.changes import ChangeHistory
from portal.contact import tel_uri
from portal.dated import DayPage, DayQuerySet
from portal.models import Topic
from portal.preview import LanguagePreviewMixin
from portal.withdrawal import shown_in

# Related agencies are pages of the agency directory; the link is a plain page reference so
# that the pressroom's tables do not depend on the agencies app's migrations.
AGENCY_PAGE_TYPE = "agencies.AgencyPage"


@register_snippet
class PressTopic(Topic):
    """A subject press releases are filed under, offered as a filter in the pressroom."""

    class Meta(Topic.Meta):
        verbose_name = _("press topic")
        verbose_name_plural = _("press topics")


class PressReleaseQuerySet(DayQuerySet):
    # Filters by subquery rather than by join: a release is listed once however many of its
    # links match, without a DISTINCT over every column of every release.
    def concerning(self, agency_id):
        return self.filter(pk__in=PressReleaseAgency.objects.filter(agency_id=agency_id).values("page_id"))

    def about(self, topic_slug):
        through = PressReleasePage.topics.through
        return self.filter(pk__in=through.objects.filter(presstopic__slug=topic_slug).values("pressreleasepage_id"))

    def in_period(self, year, month=None):
        releases = self.filter(date__year=year)
        return releases.filter(date__month=month) if month is not None else releases

    def months(self):
        """[{"month": first day of a month, "count": releases of that month}], the latest month first."""
        return self.annotate(month=TruncMonth("date")).values("month").annotate(count=Count("id")).order_by("-month")

    def agencies(self):
        """The live pages these releases name as related agencies, by title."""
        linked = PressReleaseAgency.objects.filter(page__in=self).values("agency_id")
        return shown_in(Page.objects.live().filter(pk__in=linked)).only("id", "title").order_by("title")

    def topics(self):
        return PressTopic.objects.filter(releases__in=self).distinct().order_by("slug")


class PressReleasePage(LanguagePreviewMixin, DayPage, ChangeHistory, Page):
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
        *ChangeHistory.panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lede"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["pressroom.PressroomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["images"] = self.photos
        # Read once for the page and the note on what is not translated (portal.i18n), which reuses them.
        prefetch_related_objects([self], Prefetch("documents", PressReleaseDocument.objects.select_related("document")))
        context["documents"] = self.documents.all()
        context["agencies"] = [link.agency for link in self.agency_links.select_related("agency") if link.agency.live]
        context["topics"] = self.topics.all()
        return context

    @cached_property
    def photos(self):
        """The release's photos, read once for the page, its preview image and its JSON-LD."""
        prefetch_related_objects([self], Prefetch("images", PressReleaseImage.objects.select_related("image")))
        return list(self.images.all())

    def lead_image(self):
        return (self.photos[0].image, self.photos[0].alt_text) if self.photos else None

    def structured_data(self, request=None):
        return sharing.news_article(self, request, self.lede)

    @property
    def spokesperson_phone_uri(self):
        return tel_uri(self.spokesperson_phone)


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
