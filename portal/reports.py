"""The admin report of pages whose text is missing in a language other than the default."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.views.reports import PageReportView
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .i18n import UNREAD_FIELDS


def _empty(model, column):
    field = model._meta.get_field(column)
    empty = Q(**{f"{column}__isnull": True})
    return empty | Q(**{column: []}) if isinstance(field, StreamField) else empty | Q(**{column: ""})


def untranslated_page_ids():
    """Ids of pages that have default-language text in a field whose translation is empty.

    One query per page type, whatever the number of pages.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    others = [code for code, _name in settings.LANGUAGES if code != default]
    ids = set()
    for model in get_page_models():
        if model is Page:
            continue
        try:
            fields = translator.get_options_for_model(model).all_fields
        except NotRegistered:
            continue
        missing = Q(pk__in=[])
        for field in set(fields) - UNREAD_FIELDS:
            original = build_localized_fieldname(field, default)
            for language in others:
                translated = build_localized_fieldname(field, language)
                missing |= ~_empty(model, original) & _empty(model, translated)
        ids.update(model.objects.filter(missing).values_list("pk", flat=True))
    return ids


class UntranslatedPagesView(PageReportView):
    page_title = _("Awaiting translation")
    header_icon = "globe"
    index_url_name = "untranslated_pages"
    index_results_url_name = "untranslated_pages_results"
    results_template_name = "portal/reports/untranslated_pages_results.html"
    permission_required = "change"

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(pk__in=untranslated_page_ids())
            .order_by("-latest_revision_created_at")
            .specific(defer=True)
        )
        return super().get_queryset()
