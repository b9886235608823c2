"""The staff report of page feedback: per page, its answers (Yes, No, problem reports), most "No"
first, with what visitors wrote; staff mark them handled once they have dealt with them.

A page's row counts every language together (/en/about/ and /zh-hans/about/ are one row); a
section's route (a township, the feedback form) has a row of its own under the section's page.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from portal.i18n import unprefixed_path

from .models import PageFeedback

Kind = PageFeedback.Kind
ROWS_PER_PAGE = 20
REPORTS_PER_ROW = 20  # the newest; the count says how many there are


@dataclass
class PageRow:
    page_id: int | None
    address: str  # the path without its language prefix
    paths: list = field(default_factory=list)
    yes: int = 0
    no: int = 0
    problems: int = 0
    page: Page | None = None
    reports: list = field(default_factory=list)


def page_rows(feedback):
    """The rows of the report for `feedback` (a queryset), most "No" first, then most problem reports."""
    counts = (
        feedback.order_by()
        .values("page_id", "path")
        .annotate(
            yes=Count("pk", filter=Q(kind=Kind.YES)),
            no=Count("pk", filter=Q(kind=Kind.NO)),
            problems=Count("pk", filter=Q(kind=Kind.PROBLEM)),
        )
    )
    rows = {}
    for entry in counts:
        key = (entry["page_id"], unprefixed_path(entry["path"]))
        row = rows.setdefault(key, PageRow(*key))
        row.paths.append(entry["path"])
        row.yes += entry["yes"]
        row.no += entry["no"]
        row.problems += entry["problems"]
    return sorted(rows.values(), key=lambda row: (-row.no, -row.problems, row.yes, row.address))


def fill_rows(rows, feedback):
    """Gives the rows shown their pages and newest problem reports: two queries, however many rows."""
    pages = Page.objects.in_bulk([row.page_id for row in rows if row.page_id])
    by_row = {(row.page_id, row.address): row for row in rows}
    for row in rows:
        row.page = pages.get(row.page_id)
    reports = feedback.filter(kind=Kind.PROBLEM, path__in=[path for row in rows for path in row.paths])
    for report in reports.order_by("-created_at"):
        row = by_row.get((report.page_id, unprefixed_path(report.path)))
        if row is not None and len(row.reports) < REPORTS_PER_ROW:
            row.reports.append(report)


class PageFeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Page feedback")
    header_icon = "help"
    template_name = "page_feedback/admin/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("page_feedback.view_pagefeedback"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def showing_all(self):
        return self.request.GET.get("show") == "all"

    def get_context_data(self, **kwargs):
        feedback = PageFeedback.objects.all() if self.showing_all() else PageFeedback.objects.open()
        rows = Paginator(page_rows(feedback), ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        fill_rows(rows.object_list, feedback)
        return super().get_context_data(
            **kwargs,
            rows=rows,
            showing_all=self.showing_all(),
            can_handle=self.request.user.has_perm("page_feedback.change_pagefeedback"),
        )

    def post(self, request, *args, **kwargs):
        """Marks one report (`report`), or every open answer and report of a row (`address`, `page`), handled."""
        if not request.user.has_perm("page_feedback.change_pagefeedback"):
            return permission_denied(request)
        chosen = PageFeedback.objects.open()
        if request.POST.get("report", "").isdigit():
            chosen = chosen.filter(pk=int(request.POST["report"]))
        elif request.POST.get("address", "").startswith("/"):
            address = request.POST["address"]
            page = request.POST.get("page", "")
            chosen = chosen.filter(
                Q(page_id=int(page)) if page.isdigit() else Q(page__isnull=True),
                path__in=[f"/{code}{address}" for code, _name in settings.LANGUAGES],
            )
        else:
            chosen = chosen.none()
        count = chosen.update(handled=True, handled_at=timezone.now())
        messages.success(
            request,
            ngettext("%(count)d item marked handled.", "%(count)d items marked handled.", count) % {"count": count},
        )
        return redirect(request.get_full_path())
