"""Language helpers shared by every section: URLs per language and translation status."""

from functools import lru_cache

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.urls import get_urlconf, translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext, pgettext, to_locale

from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .statements import prefetch_children

# Fields a visitor never reads as page text: a missing translation of these does not
# make a page "not yet translated".
UNREAD_FIELDS = {"slug", "url_path", "search_description", "seo_title"}


def html_lang(code):
    """The BCP 47 tag of a Django language code, for lang attributes: zh-hans -> zh-Hans, pt-br -> pt-BR."""
    return to_locale(code).replace("_", "-")


def localized_fieldnames(field):
    """The columns of a translated field, one per configured language: name_en, name_zh_hans, ..."""
    return [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]


def language_urls(path):
    """The same page in every configured language, as (code, local name, path)."""
    return _language_urls(path, get_language(), tuple(settings.LANGUAGES), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=4096)
def _language_urls(path, active, languages, urlconf):
    # Only these decide the answer (the active language is the prefix the path is resolved under),
    # so every request for a path shares it: resolving and reversing cost 0.1 ms a language.
    return tuple((code, get_language_info(code)["name_local"], translate_url(path, code)) for code, _name in languages)


def unprefixed_path(path):
    """The path without its language prefix; Django redirects it by the browser's language."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return "/" + path[len(prefix) :]
    return path


def untranslated_fields(instance, language=None):
    """Names of translated fields that have default-language text but none in `language`."""
    language = language or get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default:
        return []
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return []
    return [
        field
        for field in sorted(options.all_fields)
        if field not in UNREAD_FIELDS and _stands_in(instance, field, default, language)
    ]


def wholly_untranslated(instance, language=None):
    """True when nothing a visitor reads on `instance` is in `language` yet: every translated field
    with default-language text lacks it. Such a page is shown in English as a whole."""
    language = language or get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default:
        return False
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return False
    read = [
        field
        for field in options.all_fields
        if field not in UNREAD_FIELDS
        and has_content(getattr(instance, build_localized_fieldname(field, default), None))
    ]
    return bool(read) and all(_stands_in(instance, field, default, language) for field in read)


def untranslated_parts(page, language=None):
    """What a visitor of `language` reads in English on a page that is translated in part, named
    in the visitor's language: the page's own fields ("Lede"), then its items by kind with the
    fields they lack ("Question and answer (answer)"), for the notice at the top of the page.

    One query per kind of translated item the page has (Q&A items, speakers, photos...)."""
    language = language or get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return []
    parts = [_field_label(page, field) for field in untranslated_fields(page, language)]
    separator = pgettext("list separator", ", ")
    relations = [relation for relation in get_all_child_relations(type(page)) if _registered(relation.related_model)]
    # Prefetched, so that the page's template reads the same items again without a query (its
    # change notes, its Q&A items...).
    for relation in relations:
        prefetch_children(page, relation.get_accessor_name())
    for relation in relations:
        model = relation.related_model
        missing, items = [], 0
        for child in getattr(page, relation.get_accessor_name()).all():
            fields = untranslated_fields(child, language)
            items += bool(fields)
            missing += [field for field in fields if field not in missing]
        if items:
            parts.append(
                gettext("%(items)s (%(fields)s)")
                % {
                    "items": capfirst(model._meta.verbose_name if items == 1 else model._meta.verbose_name_plural),
                    "fields": separator.join(
                        str(_field_label(model, field)) for field in _in_form_order(model, missing)
                    ),
                }
            )
    return parts


def _registered(model):
    try:
        translator.get_options_for_model(model)
    except NotRegistered:
        return False
    return True


def _in_form_order(model, fields):
    order = [field.name for field in model._meta.get_fields()]
    return sorted(fields, key=order.index)


def _field_label(model, field):
    return capfirst(model._meta.get_field(field).verbose_name)


def fallback_language(instance, field, language=None):
    """The default language when `field` shows its text because `language` has none, else ""."""
    language = language or get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or not hasattr(instance, build_localized_fieldname(field, default)):
        return ""
    return default if _stands_in(instance, field, default, language) else ""


def _stands_in(instance, field, default, language):
    original = getattr(instance, build_localized_fieldname(field, default), None)
    translated = getattr(instance, build_localized_fieldname(field, language), None)
    return has_content(original) and not has_content(translated)


def has_content(value):
    if value is None:
        return False
    if isinstance(value, FieldFile):  # len() of a file field without a file raises
        return bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return True


def large_number(number, language=None):
    """A count as a reader of `language` writes it: 95000 is "95,000" in English and "9.5万" in
    Chinese, where a number of ten thousand or more is counted in 万 (a Chinese text saying
    约9.5万 must not show 95000 beside it)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    number = int(number)
    if language.lower().startswith("zh") and abs(number) >= 10_000:
        return f"{number / 10_000:.2f}".rstrip("0").rstrip(".") + "万"
    return f"{number:,}"
