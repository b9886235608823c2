"""The site search in the Wagtail admin: synonyms as a snippet, the report of readers' queries."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import Synonym
from .reports import REPORT_PERMISSION, SearchQueriesReportView


class SynonymCreateView(CreateView):
    """Prefilled from the query report's link: ``?language=zh-hans&terms=乡镇``."""

    def get_initial_form_instance(self):
        language = self.request.GET.get("language")
        terms = self.request.GET.get("terms", "")[:200]
        if language in dict(settings.LANGUAGES) or terms:
            return Synonym(language=language if language in dict(settings.LANGUAGES) else "", terms=terms)
        return super().get_initial_form_instance()


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    add_view_class = SynonymCreateView
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_queries_report():
    return [path("reports/search-queries/", SearchQueriesReportView.as_view(), name="search_queries")]


@hooks.register("register_reports_menu_item")
def register_search_queries_menu_item():
    return ReportMenuItem(_("Search queries"), reverse("search_queries"), icon_name="search", order=660)
