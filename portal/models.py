from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from .blocks import ContentStreamBlock
from .changes import ChangeHistory, PageChangeNote  # noqa: F401 - PageChangeNote: a model of this app
from .contact import ContactDetails, contact_panels
from .dated import ListedPage
from .identity import SiteIdentity, identity_panels
from .preview import LanguagePreviewMixin
from .routing import route_from
from .stories import one_per_story
from .visibility import public
from .withdrawal import (  # noqa: F401 - PageLanguageWithdrawal: a model of this app
    PageLanguageWithdrawal,
    hidden_languages,
    read_hidden_languages,
    shown_in,
    with_hidden_languages,
)


class Topic(models.Model):
    """A subject a section files its pages under, named in each language; staff keep the list.

    A section's topic model also registers `name` for translation.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self):
        return self.name


class HomePage(LanguagePreviewMixin, Page):
    """The site's root: a hero, the links editors feature, and the newest section items."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown behind the hero text as decoration; it carries no information."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_intro"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        InlinePanel("featured_links", heading=_("Featured links"), label=_("Featured link")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section declares HomePage as its parent, so the portal
    # never has to name (and import) the sections built on it.
    max_count = 1

    latest_count = 6
    coming_up_count = 3

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_from(self, request, path_components)

    def structured_data(self, request=None):
        """schema.org WebSite for the home page's JSON-LD, at the site's configured address."""
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.hero_title,
            "url": self.get_full_url(request),
            "inLanguage": get_language(),
        }

    def lead_image(self):
        """The hero image, for link previews (`portal.sharing`); on the page it is decoration."""
        return (self.hero_image, "") if self.hero_image_id else None

    def dated_items(self):
        """(date, page) of the newest pages whose types ask to be listed on the home page.

        Such a type is a `ListedPage` that sets `listed_on_home`; its `listing_date` is the date.
        """
        listed_types = [model for model in get_page_models() if issubclass(model, ListedPage) and model.listed_on_home]
        if not listed_types:
            return []
        candidates = (
            shown_in(public(Page.objects.live()))
            .descendant_of(self)
            .type(*listed_types)
            .order_by("-first_published_at")
            .specific()[: self.latest_count * 4]
        )
        return [(page.listing_date, page) for page in candidates]

    def latest_and_coming_up(self):
        """Items dated up to today, newest first, and items dated later, soonest first."""
        today = timezone.localdate()
        dated = one_per_story(self.dated_items(), page=lambda item: item[1])
        latest = sorted((item for item in dated if item[0] <= today), key=lambda item: item[0], reverse=True)
        coming_up = sorted((item for item in dated if item[0] > today), key=lambda item: item[0])
        return latest[: self.latest_count], coming_up[: self.coming_up_count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once for the page and the note on what is not translated (portal.i18n), which reuses them.
        links = with_hidden_languages(HomeFeaturedLink.objects.select_related("link_page"), page_key="link_page_id")
        prefetch_related_objects([self], Prefetch("featured_links", links))
        for link in self.featured_links.all():
            if link.link_page_id:
                read_hidden_languages(link, page=link.link_page)
        context["featured_links"] = [link for link in self.featured_links.all() if link.is_shown()]
        context["latest_items"], context["coming_up"] = self.latest_and_coming_up()
        return context


class HomeFeaturedLink(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_links")
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=250, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external address"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("featured link")

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose either a page or an external address, not both."))

    @property
    def href(self):
        return self.link_page.url if self.link_page_id else self.link_url

    def is_shown(self):
        """An external address always; a page only while it is live and shown in the active language
        (a page withdrawn in Chinese is no featured link on the Chinese home page)."""
        if not self.link_page_id:
            return True
        return self.link_page.live and get_language() not in hidden_languages(self.link_page)


class StandardPage(LanguagePreviewMixin, ListedPage, ChangeHistory, Page):
    """A plain content page: an introduction and a body built from the shared blocks."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), *ChangeHistory.panels]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    # No subpage_types, as on HomePage: section pages (an agency directory under
    # "Government") declare StandardPage as a parent themselves.

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="mail")
class OfficeContact(ContactDetails, SiteIdentity, BaseSiteSetting):
    """The Office's contact details and the site's identity (`portal.identity`), shown in every page's footer."""

    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    website = None  # the footer gives none
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("A short line under the contact details, such as who runs the Office."),
    )

    panels = [
        FieldPanel("office_name"),
        *contact_panels("address", "telephone", "email"),
        FieldPanel("office_hours"),
        FieldPanel("note"),
    ]
    edit_handler = TabbedInterface(
        [ObjectList(panels, heading=_("Contact")), ObjectList(identity_panels, heading=_("Site identity"))]
    )

    class Meta:
        verbose_name = _("Office contact and site identity")


class ClockRun(models.Model):
    """One run of a job of the clock (`portal.clock`): the unique (job, period) row is what
    lets only one of several clocks, on one machine or many, run each job once per period."""

    job = models.CharField(max_length=80)
    period = models.BigIntegerField(help_text="which period of the job's schedule, counted from 1970 in local time")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    failed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="one_clock_run_per_job_and_period")]

    def __str__(self):
        return f"{self.job} #{self.period}"
