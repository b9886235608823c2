"""Previewing a page in each language: one Wagtail preview mode per configured language.

Without them a preview renders in the admin user's own language, and the preview's language
switcher links to the public address of the other language, a 404 while the page is a draft.
Every page type takes ``LanguagePreviewMixin`` first among its bases.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from .i18n import html_lang

# How an editor knows each language over its fields: its own name for itself, short. Django's
# name for zh-hans is 简体中文; with one Chinese configured, 中文 says all there is to say.
SHORT_NAMES = {"zh-hans": "中文"}


def field_languages():
    """Each configured language as the admin's fields name it: code, label, BCP 47 tag."""
    return [
        {
            "code": code,
            "label": SHORT_NAMES.get(code) or get_language_info(code)["name_local"],
            "lang": html_lang(code),
        }
        for code, _name in settings.LANGUAGES
    ]


class LanguagePreviewMixin:
    """Preview modes "en", "zh-hans", ... (labelled English, 中文): the preview renders in that language."""

    @property
    def preview_modes(self):
        return [(language["code"], language["label"]) for language in field_languages()]

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # A TemplateResponse renders after this returns: render it in the preview's language.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response


def preview_language_urls(request, page):
    """In a preview, {language code: the same preview in that language}; {} where there is none.

    The editor's live preview (Wagtail's preview on edit, from the form being edited) links to
    itself in the other mode; "View draft" to the draft in the other mode. A page being created
    has no address of its own yet: its preview offers no other language. Outside a preview, None:
    the switcher links to the public pages as usual.
    """
    if not getattr(request, "is_preview", False):
        return None
    if page is None or page.pk is None:
        return {}
    if getattr(request, "is_editing", False):
        base = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        panel = "&in_preview_panel=true" if getattr(request, "in_preview_panel", False) else ""
    else:
        base = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
        panel = ""
    return {code: f"{base}?mode={code}{panel}" for code, _name in settings.LANGUAGES}
