"""The A-Z directory of agencies."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .. import alphabet
from ..forms import DirectoryFilterForm
from .profile import AgencyPage, BodyKind


class AgencyIndexPage(Page):
    """Every agency, filed A to Z in the visitor's language, with a search box and a kind filter."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["agencies.AgencyPage"]

    class Meta:
        verbose_name = _("agency directory")

    def agencies(self):
        return AgencyPage.objects.child_of(self).live().public()

    def directory(self, query="", kind="", language=None):
        """{"groups": [(letter, [agency, ...]), ...], "letters": [(letter, present)], "count": n}."""
        language = language or get_language()
        found = self.agencies().of_kind(kind)
        if query:
            found = found.matching(query, language)
        keyed = sorted(((agency.filing_key(language), agency) for agency in found), key=lambda pair: pair[0])
        groups = {}
        for key, agency in keyed:
            groups.setdefault(alphabet.letter_for(key), []).append(agency)
        letters = list(alphabet.LETTERS) + ([alphabet.OTHER] if alphabet.OTHER in groups else [])
        return {
            "groups": [(letter, groups[letter]) for letter in letters if letter in groups],
            "letters": [(letter, letter in groups) for letter in letters],
            "count": len(keyed),
        }

    def serve(self, request, *args, **kwargs):
        kinds = self.agencies().order_by().values_list("kind", flat=True).distinct()
        form = DirectoryFilterForm(request.GET or None, kinds=list(kinds))
        query, kind = form.filters() if form.is_bound else ("", "")
        context = self.get_context(request, *args, **kwargs)
        context.update(
            form=form,
            query=query,
            kind=kind,
            kind_label=BodyKind(kind).label if kind else "",
            filtered=bool(query or kind),
            **self.directory(query, kind),
        )
        status = 400 if form.is_bound and not form.is_valid() else 200
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
