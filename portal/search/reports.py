"""The admin report of what readers search for: the most frequent queries of a period and those
that found nothing, each with a link to promote a result for it or to give it a synonym."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.models import Query

from .querylog import RETENTION_DAYS, frequent_queries, zero_result_queries

REPORT_PERMISSION = "portal_search.view_searchlogentry"
PERIODS = (7, 30, RETENTION_DAYS)


class PeriodForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [(days, gettext("Last %(days)d days") % {"days": days}) for days in PERIODS]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]


class SearchQueriesReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Search queries")
    header_icon = "search"
    template_name = "search/reports/search_queries.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        data = self.request.GET.copy()
        data.setdefault("days", str(PERIODS[1]))
        form = PeriodForm(data)
        form.is_valid()
        days = form.cleaned_data.get("days") or PERIODS[1]
        language = form.cleaned_data.get("language") or None
        last_day = timezone.localdate()
        first_day = last_day - timedelta(days=days - 1)
        frequent = frequent_queries(first_day, last_day, language)
        empty = zero_result_queries(first_day, last_day, language)
        self._add_links(frequent + empty)
        return super().get_context_data(
            **kwargs, form=form, first_day=first_day, last_day=last_day, frequent=frequent, empty=empty
        )

    def _add_links(self, rows):
        """Each row's links, as far as the user may follow them: to its promoted results (new or
        existing) and to a new synonym prefilled with the query."""
        user = self.request.user
        languages = dict(settings.LANGUAGES)
        may_promote = user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        may_edit_promotions = user.has_perm("wagtailsearchpromotions.change_searchpromotion")
        promoted = {}
        if may_edit_promotions and rows:
            promoted = dict(
                Query.objects.filter(query_string__in={row["query"] for row in rows}, editors_picks__isnull=False)
                .values_list("query_string", "pk")
                .distinct()
            )
        may_add_synonym = user.has_perm("portal_search.add_synonym")
        for row in rows:
            row["language_name"] = languages.get(row["language"], row["language"])
            if row["query"] in promoted:
                row["promotions_url"] = reverse("wagtailsearchpromotions:edit", args=[promoted[row["query"]]])
            elif may_promote:
                row["promote_url"] = reverse("wagtailsearchpromotions:add")
            if may_add_synonym:
                query = urlencode({"language": row["language"], "terms": row["query"]})
                row["synonym_url"] = f"{reverse('wagtailsnippets_portal_search_synonym:add')}?{query}"
