"""Press releases, the topics they are filed under, and their photos, documents and agencies."""

import datetime
from collections import namedtuple

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast, Coalesce, NullIf, TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal import generational, sharing
from portal.blocks import ContentStreamBlock
from portal.changes import ChangeHistory
from portal.contact import tel_uri
from portal.dated import DayPage, DayQuerySet
from portal.models import Topic
from portal.preview import LanguagePreviewMixin
from portal.statements import children, prefetch_children
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
        return self._offered()["month"]

    def agencies(self):
        """The live pages these releases name as related agencies, by title: (pk, title) each."""
        return self._offered()["agency"]

    def topics(self):
        """The topics these releases are filed under, by slug: (slug, name) each."""
        return self._offered()["topic"]

    def _offered(self):
        """What a listing of these releases offers beside its rows: the archive's months and the
        filters' agencies and topics, in one query (a UNION ALL of the three), once per queryset.

        Labels are in the active language, falling back as the pages' own fields do, and sorted as
        `order_by("title")` sorts them."""
        if getattr(self, "_offered_rows", None) is None:
            offered = {"month": [], "agency": [], "topic": []}
            for kind, key, label, _sort, count in self._offer_rows():
                if kind == "month":
                    offered[kind].insert(0, {"month": datetime.date.fromisoformat(key[:10]), "count": count})
                elif kind == "agency":
                    offered[kind].append(OfferedAgency(int(key), label))
                else:
                    offered[kind].append(OfferedTopic(key, label))
            self._offered_rows = offered
        return self._offered_rows

    def _offer_rows(self):
        """The rows of `_offers()`; for releases marked by `with_offers_key`, from SQL compiled
        once per process for their key, in a language, on a database, and read once per content
        generation (`portal.generational`: a release published, moved or deleted, or a topic
        changed, starts a new one)."""
        key = getattr(self, "_offers_key", None)
        if key is None:
            return list(self._offers())
        key = (connections[self.db].vendor, get_language(), *key)
        return generational.kept(("pressroom-offers", *key), lambda: self._read_offer_rows(key))

    def _read_offer_rows(self, key):
        compiled = _OFFERS_SQL.get(key)
        if compiled is None:
            if len(_OFFERS_SQL) >= _OFFERS_SQL_KEPT:
                _OFFERS_SQL.clear()
            compiled = _OFFERS_SQL[key] = self._offers().query.get_compiler(using=self.db).as_sql()
        with connections[self.db].cursor() as cursor:
            cursor.execute(*compiled)
            return tuple(cursor.fetchall())

    def _offers(self):
        """The query of `_offered`: (kind, key, label, sort, count) rows."""
        releases = self.order_by()
        month = Cast(TruncMonth("date"), CharField())
        linked = PressReleaseAgency.objects.filter(page__in=releases).values("agency_id")
        filed = PressReleasePage.topics.through.objects.filter(pressreleasepage__in=releases)
        return (
            _offer(releases, "month", month, Value(""), month, Count("pk"))
            .union(
                _offer(
                    shown_in(Page.objects.live().filter(pk__in=linked)),
                    "agency",
                    Cast("pk", CharField()),
                    _in_language("title"),
                    F(build_localized_fieldname("title", get_language())),
                ),
                _offer(
                    PressTopic.objects.filter(pk__in=filed.values("presstopic_id")),
                    "topic",
                    F("slug"),
                    _in_language("name"),
                    F("slug"),
                ),
                all=True,
            )
            .order_by("offer_kind", "offer_sort")
        )


# Building and compiling the offers' query costs about 4 ms, five times running it; its SQL and
# parameters depend only on what built the releases and on the language, not on any row, so
# they are kept per process like a compiled template: every listing still reads the rows.
_OFFERS_SQL = {}
_OFFERS_SQL_KEPT = 64


def with_offers_key(releases, *key):
    """`releases`, declared to be built from `key` alone (every value their query depends on,
    beside the active language), so that the SQL of their offers is compiled once per key. A
    queryset derived from them (filtered, sliced) is not marked: its offers are compiled anew."""
    releases._offers_key = key
    return releases


def _offer(queryset, kind, key, label, sort, count=None):
    """One part of `_offered`'s UNION: (kind, key, label, sort, count) rows, built alike for every
    part so that their columns come in one order (a UNION matches them by position), and without
    modeltranslation's rewriting of values(), which reorders them."""
    return (
        queryset.order_by()
        .rewrite(False)
        .annotate(offer_kind=Value(kind), offer_key=key, offer_label=label, offer_sort=sort)
        .values("offer_kind", "offer_key", "offer_label", "offer_sort")
        .annotate(offer_count=count if count is not None else Value(0))
        .values_list("offer_kind", "offer_key", "offer_label", "offer_sort", "offer_count")
    )


OfferedAgency = namedtuple("OfferedAgency", "pk title")
OfferedTopic = namedtuple("OfferedTopic", "slug name")


def _in_language(field):
    """A translated `field` in the active language, or in the languages it falls back to when
    empty, as the model's own attribute reads it (modeltranslation)."""
    columns = [F(build_localized_fieldname(field, code)) for code in resolution_order(get_language())]
    return Coalesce(*(NullIf(column, Value("")) for column in columns), Value(""), output_field=CharField())


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
        prefetch_children(self, "documents", "document")
        context["documents"] = self.documents.all()
        context["agencies"] = [link.agency for link in children(self, "agency_links", "agency") if link.agency.live]
        context["topics"] = self.topics.all()
        return context

    @cached_property
    def photos(self):
        """The release's photos, read once for the page, its preview image and its JSON-LD."""
        prefetch_children(self, "images", "image")
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
