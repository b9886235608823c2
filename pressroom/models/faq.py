"""Questions and answers for resident journalists."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.preview import LanguagePreviewMixin

from ..blocks import RICH_FEATURES


class JournalistFAQPage(LanguagePreviewMixin, Page):
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
