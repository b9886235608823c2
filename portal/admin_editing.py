"""Editing both languages in the Wagtail admin: the translated fields side by side.

wagtail-modeltranslation's own language picker (switched off in settings:
WAGTAILMODELTRANSLATION_LOCALE_PICKER) opened on English only and forgot the choice at every
save. Instead, every edit form of a page, snippet or setting loads bilingual_fields.js, which
shows each translated field in every language at once, named in its own language. The script
takes its languages and words from data attributes of its own <script> tag: the admin runs no
inline script of ours.
"""

import json

from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .preview import field_languages
from .withdrawal import shown_languages, with_hidden_languages


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


@hooks.register("insert_editor_js")
def date_pickers_js():
    """Quarter hours in the date-and-time pickers; a picker in a dialog opens inside it."""
    return format_html('<script src="{}" defer></script>', static("portal/admin/date_pickers.js"))


@hooks.register("insert_global_admin_css")
def admin_editing_css():
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("portal/admin/bilingual_fields.css"),
        static("portal/admin/date_pickers.css"),
    )


class ViewLiveInLanguageButton(PageMenuItem):
    """ "View live (中文)": the published page in one language, beside Wagtail's "View live"."""

    icon_name = "doc-empty"
    link_rel = "noreferrer"

    def __init__(self, *, page, language, priority):
        with translation.override(language["code"]):
            url = page.get_url()
        super().__init__(
            _("View live (%(language)s)") % {"language": language["label"]}, url, priority=priority, page=page
        )

    def is_shown(self, user):
        return bool(self.page.live and self.url)


def view_live_buttons(page, first_priority):
    shown = set(shown_languages(page))
    return [
        ViewLiveInLanguageButton(page=page, language=language, priority=first_priority + number)
        for number, language in enumerate(field_languages())
        if language["code"] in shown
    ]


@hooks.register("register_page_header_buttons")
def view_live_in_each_language_in_the_header(page, user, view_name, next_url=None):
    return view_live_buttons(page, first_priority=5) if page.live else []


@hooks.register("register_page_listing_more_buttons")
def view_live_in_each_language_in_listings(page, user, next_url=None):
    # Wagtail's own "View live" is priority 6: these follow it.
    return view_live_buttons(page, first_priority=7) if page.live else []


@hooks.register("construct_explorer_page_queryset")
def read_withdrawals_with_the_explorer_rows(parent_page, pages, request):
    """The languages each row is withdrawn in, for its "View live" buttons, in the rows' own query."""
    return with_hidden_languages(pages)


# Autosave and new pages (templates/wagtailadmin/pages/create.html). Wagtail 8 autosaves a new
# page's form too: the first autosave creates the page, as a draft with the slug made from its
# title. An editor who leaves that form has left a page in the tree they never saved and may not
# know about, and the next page with the same title under the same parent fails every autosave
# ("validation errors": its slug is taken). So the new-page form does not autosave: a page exists
# once its editor saves, publishes or submits it, and until then the browser warns before the
# form is left with unsaved changes. The edit form of an existing page autosaves as before
# (WAGTAIL_AUTOSAVE_INTERVAL).
