"""The admin reports of pages, snippets and settings whose text is missing in a language other
than the default."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from modelcluster.fields import ParentalKey
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .i18n import UNREAD_FIELDS


def _empty(model, column):
    field = model._meta.get_field(column)
    empty = Q(**{f"{column}__isnull": True})
    return empty | Q(**{column: []}) if isinstance(field, StreamField) else empty | Q(**{column: ""})


def _missing_translation(model):
    """A filter for rows of `model` with default-language text in a field whose translation is empty;
    None when the model has no translated field that visitors read."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    others = [code for code, _name in settings.LANGUAGES if code != default]
    try:
        fields = set(translator.get_options_for_model(model).all_fields) - UNREAD_FIELDS
    except NotRegistered:
        return None
    if not fields:
        return None
    missing = Q(pk__in=[])
    for field in fields:
        original = build_localized_fieldname(field, default)
        for language in others:
            translated = build_localized_fieldname(field, language)
            missing |= ~_empty(model, original) & _empty(model, translated)
    return missing


def _translated_models():
    return [model for model in translator.get_registered_models(abstract=False) if not issubclass(model, Page)]


def _page_key(model):
    """The ParentalKey of an inline model (FAQ items, speakers, photos) to the page that shows it, if any."""
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return field
    return None


def untranslated_page_ids():
    """Ids of pages with default-language text whose translation is empty, in the page's own fields
    or in those of its inline objects (a question of the Q&A, a speaker, a photo caption).

    One query per page type and per inline model, whatever the number of pages.
    """
    ids = set()
    for model in get_page_models():
        missing = _missing_translation(model) if model is not Page else None
        if missing is not None:
            ids.update(model.objects.filter(missing).values_list("pk", flat=True))
    for model in _translated_models():
        key = _page_key(model)
        missing = _missing_translation(model) if key is not None else None
        if missing is not None:
            ids.update(model.objects.filter(missing).values_list(key.attname, flat=True))
    return ids


def _editable_outside_pages(user):
    """The translated models edited on their own (snippets, settings) that `user` may change."""
    return [
        model
        for model in _translated_models()
        if _page_key(model) is None
        and user.has_perm(f"{model._meta.app_label}.{get_permission_codename('change', model._meta)}")
    ]


def untranslated_objects(user):
    """Snippets and settings with default-language text whose translation is empty, that `user`
    may edit: [(verbose name plural, [(object, edit url), ...]), ...], in name order."""
    finder = AdminURLFinder(user)
    groups = []
    for model in _editable_outside_pages(user):
        missing = _missing_translation(model)
        if missing is None:
            continue
        rows = [(item, url) for item in model.objects.filter(missing) if (url := finder.get_edit_url(item))]
        if rows:
            groups.append((str(model._meta.verbose_name_plural), rows))
    return sorted(groups, key=lambda group: group[0].casefold())


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


class UntranslatedObjectsView(WagtailAdminTemplateMixin, TemplateView):
    """Township names, topics, service platforms, the footer's contact...: text that pages show
    but that is edited outside them, so the pages report cannot list it."""

    page_title = _("Snippets and settings awaiting translation")
    header_icon = "globe"
    template_name = "portal/reports/untranslated_objects.html"

    def dispatch(self, request, *args, **kwargs):
        if not _editable_outside_pages(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, groups=untranslated_objects(self.request.user))
