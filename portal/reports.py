"""The admin reports of pages, snippets and settings whose text is missing in a language other
than the default."""

import dataclasses

import django_filters

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import PageReportView
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .i18n import UNREAD_FIELDS, has_content
from .withdrawal import language_label, prime_hidden_languages


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


def editable_outside_pages(user):
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
    for model in editable_outside_pages(user):
        missing = _missing_translation(model)
        if missing is None:
            continue
        rows = [(item, url) for item in model.objects.filter(missing) if (url := finder.get_edit_url(item))]
        if rows:
            groups.append((str(model._meta.verbose_name_plural), rows))
    return sorted(groups, key=lambda group: group[0].casefold())


# What each page lacks ------------------------------------------------------------------------


@dataclasses.dataclass
class MissingText:
    """Text of a page that visitors of another language read in the default language instead.

    `kind` is "field" (one of the page's own fields; `blocks`: how many StreamField blocks the
    default language has), "items" (`count` inline items, such as questions or speakers, lacking
    `fields`) or "snippet" (`item`, a topic or township the page shows, lacking `fields`).
    """

    kind: str
    name: str
    fields: list = dataclasses.field(default_factory=list)
    count: int = 0
    blocks: int | None = None
    item: object = None


def _other_languages():
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [code for code, _name in settings.LANGUAGES if code != default]


def _read_fields(model):
    """The translated fields of `model` that visitors read, in the model's field order."""
    try:
        fields = set(translator.get_options_for_model(model).all_fields) - UNREAD_FIELDS
    except NotRegistered:
        return []
    return [f.name for f in model._meta.get_fields() if f.name in fields]


def _columns(fields):
    languages = [settings.MODELTRANSLATION_DEFAULT_LANGUAGE, *_other_languages()]
    return [build_localized_fieldname(name, code) for name in fields for code in languages]


def _lacking(row, fields):
    """Of `fields`, those with default-language text in `row` and none in another language."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [
        name
        for name in fields
        if has_content(row[build_localized_fieldname(name, default)])
        and any(not has_content(row[build_localized_fieldname(name, code)]) for code in _other_languages())
    ]


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def _snippet_relations(model):
    """The foreign keys and many-to-many fields of a page type to translated objects edited
    outside pages (a release's topics, an event's township)."""
    outside = {other for other in _translated_models() if _page_key(other) is None}
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey | models.ManyToManyField | ParentalManyToManyField)
        and not f.auto_created
        and f.related_model in outside
        and _missing_translation(f.related_model) is not None
    ]


def missing_translations(pages):
    """{page id: [MissingText, ...]} for `pages` (page objects of any type): what each lacks in
    its own fields, in its inline items and in the snippets it shows.

    Queries: one per page type among `pages`, one per inline model, two per snippet relation of
    those types; never one per page.
    """
    missing = {page.pk: [] for page in pages}
    if not missing:
        return missing
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class or Page, []).append(page.pk)
    for model, ids in by_model.items():
        _own_fields(model, ids, missing)
        for relation in _snippet_relations(model):
            _snippets(model, relation, ids, missing)
    for model in _translated_models():
        key = _page_key(model)
        if key is not None and _missing_translation(model) is not None:
            _inline_items(model, key, list(missing), missing)
    return missing


def _own_fields(model, ids, missing):
    fields = _read_fields(model)
    if not fields:
        return
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for row in model.objects.filter(pk__in=ids).values("pk", *_columns(fields)):
        for name in _lacking(row, fields):
            stream = isinstance(model._meta.get_field(name), StreamField)
            blocks = len(row[build_localized_fieldname(name, default)]) if stream else None
            missing[row["pk"]].append(MissingText("field", _label(model, name), blocks=blocks))


def _inline_items(model, key, ids, missing):
    fields = _read_fields(model)
    rows = model.objects.filter(_missing_translation(model), **{f"{key.attname}__in": ids})
    found = {}
    for row in rows.values(key.attname, *_columns(fields)):
        entry = found.setdefault(row[key.attname], MissingText("items", str(model._meta.verbose_name_plural)))
        entry.count += 1
        entry.fields = [name for name in fields if name in entry.fields or name in _lacking(row, fields)]
    for page_id, entry in found.items():
        entry.fields = [_label(model, name) for name in entry.fields]
        missing[page_id].append(entry)


def _snippets(model, relation, ids, missing):
    related = relation.related_model
    untranslated = related.objects.filter(_missing_translation(related))
    if isinstance(relation, models.ForeignKey):
        links = model.objects.filter(pk__in=ids, **{f"{relation.name}__in": untranslated}).values_list(
            "pk", relation.attname
        )
    else:
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        links = through.objects.filter(**{f"{source}__in": ids, f"{target}__in": untranslated}).values_list(
            f"{source}_id", f"{target}_id"
        )
    links = list(links)
    if not links:
        return
    fields = _read_fields(related)
    objects = {obj.pk: obj for obj in related.objects.filter(pk__in={target for _page, target in links})}
    rows = {row["pk"]: row for row in related.objects.filter(pk__in=objects).values("pk", *_columns(fields))}
    for page_id, target in links:
        lacking = [_label(related, name) for name in _lacking(rows[target], fields)]
        missing[page_id].append(
            MissingText("snippet", str(related._meta.verbose_name), fields=lacking, item=objects[target])
        )


# The report --------------------------------------------------------------------------------------


def _sections(request):
    """The home pages' children that hold pages: the sections the report can be narrowed to."""
    return Page.objects.filter(depth=3, numchild__gt=0).order_by("path")


def _translated_page_types(request):
    models_ = [model for model in get_page_models() if model is not Page and _missing_translation(model) is not None]
    return ContentType.objects.filter(pk__in=[ct.pk for ct in ContentType.objects.get_for_models(*models_).values()])


class UntranslatedPagesFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=_sections, method="in_section", empty_label=_("All sections")
    )
    content_type = ContentTypeFilter(label=_("Page type"), queryset=_translated_page_types, empty_label=_("All types"))

    class Meta:
        model = Page
        fields = []

    def in_section(self, queryset, name, section):
        return queryset.filter(path__startswith=section.path) if section else queryset


class UntranslatedPagesView(PageReportView):
    page_title = _("Awaiting translation")
    header_icon = "globe"
    index_url_name = "untranslated_pages"
    index_results_url_name = "untranslated_pages_results"
    results_template_name = "portal/reports/untranslated_pages_results.html"
    permission_required = "change"
    filterset_class = UntranslatedPagesFilterSet

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(pk__in=untranslated_page_ids())
            .order_by("-latest_revision_created_at")
            .specific(defer=True)
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        """Each page of the results with what it lacks (`missing_text`) and the languages it is
        withdrawn in (`withdrawn_in`), read for the whole page of results at once."""
        pages = list(object_list)
        missing = missing_translations(pages)
        hidden = prime_hidden_languages(pages)
        for page in pages:
            page.missing_text = missing.get(page.pk, [])
            page.withdrawn_in = [language_label(code) for code in sorted(hidden.get(page.pk, ()))]
        return pages


class UntranslatedObjectsView(WagtailAdminTemplateMixin, TemplateView):
    """Township names, topics, service platforms, the footer's contact...: text that pages show
    but that is edited outside them, so the pages report cannot list it."""

    page_title = _("Snippets and settings awaiting translation")
    header_icon = "globe"
    template_name = "portal/reports/untranslated_objects.html"

    def dispatch(self, request, *args, **kwargs):
        if not editable_outside_pages(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, groups=untranslated_objects(self.request.user))
