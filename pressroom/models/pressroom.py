"""The pressroom page: its listing, archive and feeds, and the journalists' registration routes.

The routes are views of `pressroom.views` and `pressroom.feeds`, which reach the page types
through this page and the modules beside this one, never through this module.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.dated import ListedPage
from portal.preview import LanguagePreviewMixin
from portal.statements import first
from portal.visibility import public
from portal.withdrawal import shown_in

from .. import feeds, views
from ..blocks import RICH_FEATURES
from .conferences import PressConferencePage
from .faq import JournalistFAQPage
from .releases import PressReleasePage, with_offers_key


class PressroomPage(LanguagePreviewMixin, ListedPage, RoutablePageMixin, Page):
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

    def sitemap_subpaths(self):
        return [self.reverse_subpage(name) for name in ("register", "status")]

    def releases(self):
        releases = public(PressReleasePage.objects.live()).in_language().descendant_of(self).recent()
        return with_offers_key(releases, "pressroom", self.pk, self.path, self.depth)

    def conferences(self):
        return public(PressConferencePage.objects.live()).in_language().descendant_of(self)

    def faq_page(self):
        # Its SQL depends on where the pressroom is and on the language alone (portal.statements).
        return first(
            ("pressroom-faq", self.pk, self.path, self.depth, get_language()),
            lambda: shown_in(public(JournalistFAQPage.objects.live()).child_of(self)),
        )

    # Listing, archive and feeds ------------------------------------------------------
    @path("")
    def index_route(self, request):
        return views.pressroom_index(request, self)

    @path("archive/<int:year>/")
    def year_archive(self, request, year):
        return views.pressroom_index(request, self, year=year)

    @path("archive/<int:year>/<int:month>/")
    def month_archive(self, request, year, month):
        return views.pressroom_index(request, self, year=year, month=month)

    @path("feed/", name="feed")
    def release_feed(self, request):
        return feeds.release_feed(request, self)

    @path("calendar/", name="calendar")
    def conference_calendar(self, request):
        return feeds.conference_calendar(request, self)

    # Journalist registration ---------------------------------------------------------
    @path("register/", name="register")
    def register(self, request):
        return views.register(request, self)

    @path("register/sent/", name="register_sent")
    def register_sent(self, request):
        return views.register_sent(request, self)

    @path("register/confirm/<str:token>/", name="register_confirm")
    def register_confirm(self, request, token):
        return views.register_confirm(request, self, token)

    @path("status/", name="status")
    def status(self, request):
        return views.status(request, self)
