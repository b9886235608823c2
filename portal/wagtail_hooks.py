from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, Site

from . import admin_editing  # noqa: F401 (its hooks: both languages' fields side by side)
from .dashboard import PermittedMenuItem, WaitingPanel, may_edit_pages, waiting_for
from .drafts import NeverPublishedPagesView
from .menu import MAIN_MENU_MAX_ITEMS, left_out_of_main_menu
from .reports import UntranslatedObjectsView, UntranslatedPagesView, editable_outside_pages
from .withdrawal import RESTORE_ACTION, WITHDRAW_ACTION, hidden_language_response, hidden_languages, language_label
from .withdrawal_views import PageLanguagesView, may_choose_languages


@hooks.register("register_admin_urls")
def register_untranslated_pages_report():
    return [
        path("reports/untranslated/", UntranslatedPagesView.as_view(), name="untranslated_pages"),
        path(
            "reports/untranslated/results/",
            UntranslatedPagesView.as_view(results_only=True),
            name="untranslated_pages_results",
        ),
        path("reports/untranslated/other/", UntranslatedObjectsView.as_view(), name="untranslated_objects"),
        path("reports/never-published/", NeverPublishedPagesView.as_view(), name="never_published_pages"),
        path(
            "reports/never-published/results/",
            NeverPublishedPagesView.as_view(results_only=True),
            name="never_published_pages_results",
        ),
    ]


# Each report's menu item is shown only to those its view lets in: press officers and feedback
# handlers edit no page, and a Reports menu of refusals is no menu.
@hooks.register("register_reports_menu_item")
def register_untranslated_pages_menu_item():
    return PermittedMenuItem(
        _("Awaiting translation"),
        reverse("untranslated_pages"),
        icon_name="globe",
        order=650,
        may_open=may_edit_pages,
    )


@hooks.register("register_reports_menu_item")
def register_never_published_menu_item():
    return PermittedMenuItem(
        _("Drafts never published"),
        reverse("never_published_pages"),
        icon_name="draft",
        order=652,
        may_open=may_edit_pages,
    )


@hooks.register("register_reports_menu_item")
def register_untranslated_objects_menu_item():
    return PermittedMenuItem(
        _("Snippets and settings awaiting translation"),
        reverse("untranslated_objects"),
        icon_name="globe",
        order=651,
        may_open=lambda user: bool(editable_outside_pages(user)),
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_move_page")
def warn_when_the_main_menu_has_no_room(request, page):
    """The header links only the first few sections; say so, rather than leave one out unseen."""
    if not page.show_in_menus:
        return
    parent = page.get_parent()
    if not Site.objects.filter(root_page=parent).exists():
        return
    if page.pk in {section.pk for section in left_out_of_main_menu(parent)}:
        messages.warning(
            request,
            gettext(
                "“%(title)s” is set to show in menus, but the main menu has room for %(count)d sections "
                "and links the first ones in the page tree’s order. Move it higher among the home page’s "
                "subpages, or take another section out of the menu."
            )
            % {"title": page.title, "count": MAIN_MENU_MAX_ITEMS},
        )


class MainMenuRoomPanel(Component):
    """On the dashboard while sections set to show in menus do not fit in the main menu.

    The warning on publish, create and move is gone once read, and reordering the home page's
    subpages by drag and drop (an AJAX call with no hook) can push a section out unannounced;
    this stays until the menu and its sections agree again.
    """

    name = "main_menu_room"
    template_name = "portal/admin/main_menu_room_panel.html"
    order = 90  # above Wagtail's own panels: the site's header is wrong until it is fixed

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        homes = Page.objects.filter(sites_rooted_here__isnull=False).distinct().order_by("path")
        context["menus"] = [
            {"home": home, "left_out": left_out}
            for home in homes
            if (left_out := list(left_out_of_main_menu(home).only("id", "title", "path", "depth", "content_type_id")))
        ]
        context["max_items"] = MAIN_MENU_MAX_ITEMS
        return context


@hooks.register("construct_homepage_panels")
def add_main_menu_room_panel(request, panels):
    panels.append(MainMenuRoomPanel())


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    """What waits for this user (`portal.dashboard`): registrations, messages, untranslated pages."""
    rows = waiting_for(request.user)
    if rows:
        panels.append(WaitingPanel(rows))


# A page withdrawn in a language (portal.withdrawal) -------------------------------------------


@hooks.register("before_serve_page")
def answer_in_a_withdrawn_language(page, request, serve_args, serve_kwargs):
    """The page's address in a language it is withdrawn in answers with a notice, not the page."""
    if get_language() in hidden_languages(page):
        return hidden_language_response(request, page)
    return None


@hooks.register("register_admin_urls")
def register_page_languages_view():
    return [path("pages/<int:page_id>/languages/", PageLanguagesView.as_view(), name="page_languages")]


class PageLanguagesMenuItem(PageMenuItem):
    label = _("Languages")
    icon_name = "globe"
    url_name = "page_languages"

    def is_shown(self, user):
        return may_choose_languages(self.page, user)


@hooks.register("register_page_header_buttons")
def page_languages_header_button(page, user, view_name, next_url=None):
    yield PageLanguagesMenuItem(page=page, next_url=next_url, priority=62)


@hooks.register("register_page_listing_more_buttons")
def page_languages_listing_button(page, user, next_url=None):
    yield PageLanguagesMenuItem(page=page, next_url=next_url, priority=42)


class _LanguageActionFormatter(LogFormatter):
    template = ""

    def format_message(self, log_entry):
        code = (log_entry.data or {}).get("language", "")
        return self.template % {"language": language_label(code) if code else "?"}


@hooks.register("register_log_actions")
def register_language_log_actions(actions):
    @actions.register_action(WITHDRAW_ACTION)
    class WithdrawFormatter(_LanguageActionFormatter):
        label = _("Withdraw in a language")

        @property
        def template(self):
            return gettext("Withdrawn in %(language)s")

    @actions.register_action(RESTORE_ACTION)
    class RestoreFormatter(_LanguageActionFormatter):
        label = _("Show again in a language")

        @property
        def template(self):
            return gettext("Shown again in %(language)s")
