"""Language helpers shared by every section: URLs per language and translation status."""

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, to_locale

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

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
    return [
        (code, get_language_info(code)["name_local"], translate_url(path, code)) for code, _name in settings.LANGUAGES
    ]


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
    return _has_content(original) and not _has_content(translated)


def _has_content(value):
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
