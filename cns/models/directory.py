"""What staff maintain outside the page tree: service platforms, districts, townships, feedback topics."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from portal.contact import ContactDetails, TelephoneMixin, contact_panels
from portal.models import Topic

from .choices import PlatformGroup, TownshipKind


class ServicePlatform(TelephoneMixin, index.Indexed, models.Model):
    """A government service platform CNS connects residents to; guides link to it."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=PlatformGroup.choices,
        default=PlatformGroup.PLATFORM,
        help_text=_("The services page lists platforms, services and commercial services under their own headings."),
    )
    description = models.TextField(_("what it does"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True, help_text=_("Only where known."))
    telephone = models.CharField(_("telephone"), max_length=40, blank=True, help_text=_("Only where known."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("group"),
        FieldPanel("description"),
        FieldPanel("url"),
        FieldPanel("hours"),
        FieldPanel("telephone"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["group", "sort_order", "name"]
        verbose_name = _("service platform")
        verbose_name_plural = _("service platforms")

    def __str__(self):
        return self.name


class District(models.Model):
    """A city district; alliance townships are grouped by it (and found by its name in the search)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name


class TownshipQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("district").order_by("district__sort_order", "district__name", "sort_order", "name")


class Township(index.Indexed, ContactDetails):
    """A subdistrict or town of the Shanghai International Community Info-Services Alliance.

    Found by the site search in each language (its search fields, its own address under the CNS
    home page and its section label); Wagtail's signal handlers keep the index current.
    """

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Used in the address; the same in every language.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TownshipKind.choices)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="townships"
    )
    foreign_residents_estimate = models.PositiveIntegerField(
        _("estimated foreign residents"),
        null=True,
        blank=True,
        help_text=_("Only with a published source; leave empty otherwise."),
    )
    estimate_source = models.CharField(_("source of the estimate"), max_length=250, blank=True)
    centre_name = models.CharField(_("international community centre"), max_length=200, blank=True)
    centre_address = models.CharField(_("centre address"), max_length=300, blank=True)
    joined_on = models.DateField(_("joined the alliance on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    address = None  # the community centre's (`centre_address`) is the one people go to
    sort_order = models.PositiveSmallIntegerField(_("order within the district"), default=0)

    objects = TownshipQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("district"),
        FieldPanel("joined_on"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("foreign_residents_estimate"), FieldPanel("estimate_source")],
            heading=_("Foreign residents"),
        ),
        MultiFieldPanel([FieldPanel("centre_name"), FieldPanel("centre_address")], heading=_("Community centre")),
        MultiFieldPanel(contact_panels("telephone", "email", "website"), heading=_("Contact")),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("centre_name"),
        index.SearchField("centre_address"),
        index.RelatedFields("district", [index.SearchField("name")]),
        index.AutocompleteField("name"),
    ]
    search_section_label = _("alliance township")

    class Meta:
        ordering = ["district__sort_order", "sort_order", "name"]
        verbose_name = _("township")
        verbose_name_plural = _("townships")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.get_url()

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("district")

    def get_url(self, request=None):
        """The township's page under the live CNS home page, in the active language (None without one).

        The CNS home page is looked up once per request (by name: its module imports this one).
        """
        cns = getattr(request, "_cns_home_page", None) if request is not None else None
        if cns is None:
            cns = apps.get_model("cns", "CNSHomePage").objects.live().order_by("path").first()
            if request is not None:
                request._cns_home_page = cns
        if cns is None:
            return None
        cns_url = cns.get_url(request=request)
        if cns_url is None:
            return None
        return cns_url + cns.reverse_subpage("township", args=[self.slug])


class ArticleTopic(Topic):
    """A subject CNS articles are filed under; the news list filters by it."""

    class Meta(Topic.Meta):
        verbose_name = _("article topic")
        verbose_name_plural = _("article topics")


class FeedbackTopic(models.Model):
    """A subject residents can choose when they send feedback; staff keep the list."""

    name = models.CharField(_("name"), max_length=120)
    active = models.BooleanField(_("offered on the form"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("active"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("feedback topic")
        verbose_name_plural = _("feedback topics")

    def __str__(self):
        return self.name
