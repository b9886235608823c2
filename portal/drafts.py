"""Pages saved as drafts and never published: a report, and each editor's own count on the dashboard.

Wagtail 8 autosaved a new page while it was being written, so a page given up half-way stayed in the
tree as a draft and kept its address (slug) from the next page of that title. New pages are no
longer autosaved (templates/wagtailadmin/pages/create.html). The drafts saved before cannot be told
from deliberate ones, so none is deleted: this report shows them, with their owner and address, for
someone to finish or delete; deleting one frees its address.
"""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

MINE = "mine"


def never_published(pages):
    return pages.filter(live=False, first_published_at__isnull=True)


def drafts_of(user):
    """The user's own drafts never published (their owner is the one who created them)."""
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    return never_published(editable).filter(owner=user)


class NeverPublishedFilterSet(WagtailFilterSet):
    owner = django_filters.ChoiceFilter(
        label=_("Owner"), choices=[(MINE, _("Mine"))], empty_label=_("Everyone"), method="owned_by"
    )

    class Meta:
        model = Page
        fields = []

    def owned_by(self, queryset, name, value):
        return queryset.filter(owner=self.request.user) if value == MINE else queryset


class NeverPublishedPagesView(PageReportView):
    page_title = _("Drafts never published")
    header_icon = "draft"
    index_url_name = "never_published_pages"
    index_results_url_name = "never_published_pages_results"
    results_template_name = "portal/reports/never_published_results.html"
    permission_required = "change"
    filterset_class = NeverPublishedFilterSet

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            never_published(editable)
            .select_related("owner")
            .order_by("latest_revision_created_at", "pk")
            .specific(defer=True)
        )
        return super().get_queryset()
