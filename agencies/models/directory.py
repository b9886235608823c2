"""The A-Z directory of agencies."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.preview import LanguagePreviewMixin
from portal.visibility import public

from .. import alphabet
from ..forms import DirectoryFilterForm
from .profile import AgencyNames, AgencyPage, BodyKind


class DirectoryEntry(AgencyNames):
    """An agency as the directory lists it: its names, kind and address, read as one narrow row.

    The directory shows every agency on one page; building a whole page object for each would
    cost more than the rest of the page (about 50 µs each), so the row has only what is shown.
    """

    def __init__(self, row, language, kind_labels, directory_url):
        self.__dict__.update(row)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        own_title = self.localized("title", language)
        self.title = own_title or self.localized("title", default)
        # When the name is shown in the default language instead, it says so for screen readers.
        self.title_language = "" if own_title or language == default else default
        self.kind_label = kind_labels.get(self.kind, self.kind)
        self.other_language_names = self.names_in_other_languages(language)
        # A child's address is its parent's and its slug (Wagtail's url_path); no reverse() each.
        self.url = f"{directory_url}{self.slug}/"

    @staticmethod
    def columns():
        titles = [build_localized_fieldname("title", code.replace("-", "_")) for code, _name in settings.LANGUAGES]
        return ["slug", "kind", "sort_name", "chinese_sort_name", *titles]


class AgencyIndexPage(LanguagePreviewMixin, Page):
    """Every agency, filed A to Z in the visitor's language, with a search box and a kind filter."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["agencies.AgencyPage"]

    class Meta:
        verbose_name = _("agency directory")

    def agencies(self):
        return public(AgencyPage.objects.child_of(self).live()).in_language()

    def directory(self, query="", kind="", language=None, request=None):
        """{"groups": [(letter, [entry, ...]), ...], "letters": [(letter, present)], "count": n}.

        Each entry is a `DirectoryEntry`.
        """
        language = language or get_language()
        found = self.agencies().of_kind(kind)
        if query:
            found = found.matching(query, language)
        kind_labels = {value: str(label) for value, label in BodyKind.choices}
        directory_url = self.get_url(request)
        entries = (
            DirectoryEntry(row, language, kind_labels, directory_url) for row in found.values(*DirectoryEntry.columns())
        )
        keyed = sorted(((entry.filing_key(language), entry) for entry in entries), key=lambda pair: pair[0])
        groups = {}
        for key, entry in keyed:
            groups.setdefault(alphabet.letter_for(key), []).append(entry)
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
            **self.directory(query, kind, request=request),
        )
        status = 400 if form.is_bound and not form.is_valid() else 200
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
