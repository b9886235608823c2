"""Writing pages, and other searchable objects, into the per-language index.

Every page type's ``search_fields`` say what is searchable. A translated field is read once per
language with modeltranslation's fallback off, so a page missing its Chinese text is simply not
found in Chinese (rather than found through its English). Only live pages are indexed.

Models that are not pages take part when Wagtail indexes them (``index.Indexed`` with
``search_fields``) and they have a page of their own on the site: a ``get_url(request=None)`` or
``get_absolute_url()`` method giving its address in the active language. Their title is their
first search field (``title`` where there is one); the section they are listed under is their
``search_section_label``, or else their verbose name.
"""

from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import F
from django.utils import translation
from django.utils.encoding import force_str

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, fallbacks
from wagtail.blocks import ChoiceBlock, ListBlock, MultipleChoiceBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .analysis import analyse, text_config
from .models import PageSearchEntry


def languages():
    return [code for code, _name in settings.LANGUAGES]


def _localized_names(model):
    """Per-language column names (title_en, body_zh_hans, ...) that wagtail-modeltranslation
    adds to search_fields; they are read through their base field instead."""
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return set()
    return {build_localized_fieldname(name, code) for name in fields for code in languages()}


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(filter(None, (_flatten(item) for item in value)))
    if isinstance(value, dict):
        return "\n".join(filter(None, (_flatten(item) for item in value.values())))
    return force_str(value)


def has_own_url(model):
    return callable(getattr(model, "get_url", None)) or callable(getattr(model, "get_absolute_url", None))


def searchable_models():
    """The models besides pages that the site search holds, as Wagtail's index registry knows them."""
    return [model for model in index.get_indexed_models() if not issubclass(model, Page) and has_own_url(model)]


def is_searchable(model):
    return issubclass(model, Page) or (index.class_is_indexed(model) and has_own_url(model))


def section_label(model):
    return getattr(model, "search_section_label", None) or model._meta.verbose_name


def is_one_of_a_kind(model):
    """Objects that are one of many of a kind: page types that take no subpages (a press
    conference, a guide, an agency profile) and the other searchable models (a township). Their
    kind, as its section is labelled, is searched with them: "press conference" finds every
    conference, even one whose text never says so. A page that holds others (a section, an
    index) or a plain content page says what it is in its own title."""
    return not issubclass(model, Page) or not model.allowed_subpage_models()


def kind_of(model, language):
    if not is_one_of_a_kind(model):
        return ""
    with translation.override(language):
        return str(section_label(model))


def _title_field(model):
    names = [field.field_name for field in model.get_search_fields() if isinstance(field, SearchField)]
    if "title" in names or not names:
        return "title"
    return names[0]


def _collect(obj, search_fields, title_parts, body_parts, top_level=True, title_field="title"):
    skip = _localized_names(type(obj))
    for search_field in search_fields:
        if isinstance(search_field, AutocompleteField) or search_field.field_name in skip:
            continue
        if isinstance(search_field, SearchField):
            text = _plain(_flatten(_field_value(obj, search_field)))
            if text:
                (title_parts if top_level and search_field.field_name == title_field else body_parts).append(text)
        elif isinstance(search_field, RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                _collect(item, search_field.fields, title_parts, body_parts, top_level=False)


def _field_value(obj, search_field):
    try:
        model_field = type(obj)._meta.get_field(search_field.field_name)
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        return _block_text(model_field.stream_block, getattr(obj, search_field.field_name))
    return search_field.get_value(obj)


def _block_text(block, value):
    """A stream's readable text; unlike Wagtail's own, without choice labels such as a heading's level."""
    if value is None or not getattr(block, "search_index", True):
        return []
    if isinstance(block, (ChoiceBlock, MultipleChoiceBlock)):
        return []
    if isinstance(block, StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _block_text(child, value.get(name, child.get_default()))
        ]
    if isinstance(block, ListBlock):
        return [text for item in value for text in _block_text(block.child_block, item)]
    if isinstance(block, StreamBlock):
        return [text for child in value for text in _block_text(child.block, child.value)]
    return block.get_searchable_content(value)


def _plain(text):
    # Wagtail hands rich text over as plain text already (tags gone, entities decoded).
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def object_text(obj, language):
    """(title, body) of a specific page or object as a visitor of `language` reads it, without fallback."""
    with translation.override(language), fallbacks(False):
        title_parts, body_parts = [], []
        _collect(obj, obj.get_search_fields(), title_parts, body_parts, title_field=_title_field(type(obj)))
    return " ".join(title_parts), "\n".join(body_parts)


def build_entries(objects):
    entries = []
    content_types, kinds = {}, {}
    for obj in objects:
        is_page = isinstance(obj, Page)
        if is_page and not obj.live:
            continue
        if is_page:
            content_type_id = obj.content_type_id
        else:
            model = type(obj)
            if model not in content_types:
                content_types[model] = ContentType.objects.get_for_model(model).pk
            content_type_id = content_types[model]
        for language in languages():
            title, body = object_text(obj, language)
            if not title.strip() and not body.strip():
                continue
            if (type(obj), language) not in kinds:
                kind = kind_of(type(obj), language)
                kinds[type(obj), language] = (kind, analyse(kind, language))
            kind, kind_terms = kinds[type(obj), language]
            entries.append(
                PageSearchEntry(
                    content_type_id=content_type_id,
                    object_id=obj.pk,
                    page_id=obj.pk if is_page else None,
                    language=language,
                    title=title,
                    body=body,
                    title_terms=analyse(title, language),
                    body_terms=analyse(body, language),
                    kind=kind,
                    kind_terms=kind_terms,
                    is_example=getattr(obj, "is_example", False),
                )
            )
    return entries


def index_pages(pages):
    """Replace the index entries of `pages` (specific instances) with their live text."""
    pages = [page for page in pages if isinstance(page, Page)]
    if not pages:
        return 0
    entries = build_entries(pages)
    with transaction.atomic():
        PageSearchEntry.objects.filter(page_id__in=[page.pk for page in pages]).delete()
        created = PageSearchEntry.objects.bulk_create(entries, batch_size=500)
        update_vectors(created)
    return len(created)


def index_objects(model, objects):
    """Replace the index entries of searchable objects of one model (not pages) with their text."""
    if issubclass(model, Page):
        return index_pages(objects)
    if not is_searchable(model):
        return 0
    objects = [obj for obj in objects if isinstance(obj, model)]
    if not objects:
        return 0
    entries = build_entries(objects)
    with transaction.atomic():
        remove_objects(model, [obj.pk for obj in objects])
        created = PageSearchEntry.objects.bulk_create(entries, batch_size=500)
        update_vectors(created)
    return len(created)


def remove_objects(model, ids):
    content_type = ContentType.objects.get_for_model(model)
    PageSearchEntry.objects.filter(content_type=content_type, object_id__in=list(ids)).delete()


def update_vectors(entries):
    """Compute the tsvectors of freshly written entries (PostgreSQL only), one query per language."""
    if connection.vendor != "postgresql" or not entries:
        return
    by_language = {}
    for entry in entries:
        by_language.setdefault(entry.language, []).append(entry.pk)
    for language, ids in by_language.items():
        config = text_config(language)
        PageSearchEntry.objects.filter(pk__in=ids).update(
            vector=SearchVector(F("title_terms"), config=config, weight="A")
            + SearchVector(F("kind_terms"), config=config, weight="C")
            + SearchVector(F("body_terms"), config=config, weight="D")
        )


def remove_pages(page_ids):
    PageSearchEntry.objects.filter(page_id__in=list(page_ids)).delete()
