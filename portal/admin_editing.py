"""Editing both languages in the Wagtail admin: the translated fields side by side.

wagtail-modeltranslation's own language picker (switched off in settings:
WAGTAILMODELTRANSLATION_LOCALE_PICKER) opened on English only and forgot the choice at every
save. Instead, every edit form of a page, snippet or setting loads bilingual_fields.js, which
shows each translated field in every language at once, named in its own language. The script
takes its languages and words from data attributes of its own <script> tag: the admin runs no
inline script of ours.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from wagtail import hooks

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


@hooks.register("insert_editor_js")
def bilingual_fields_js():
    words = {
        "shown": _("Languages shown:"),
        "copyFrom": _("Copy content from:"),
    }
    return format_html(
        '<script src="{}" data-languages="{}" data-text="{}" defer></script>',
        static("portal/admin/bilingual_fields.js"),
        json.dumps(field_languages(), ensure_ascii=False),
        json.dumps(words, ensure_ascii=False),
    )


@hooks.register("insert_global_admin_css")
def bilingual_fields_css():
    return format_html('<link rel="stylesheet" href="{}">', static("portal/admin/bilingual_fields.css"))
