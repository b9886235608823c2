"""The header's main menu: which sections of the site it links to."""

from wagtail.models import Page

from .visibility import public
from .withdrawal import shown_in

# Links besides "Home": room for the site's sections on one row at desktop width and a few
# rows on a phone, above the page rather than instead of it. Editors choose them with "Show
# in menus"; beyond this, the first ones in the page tree's order show.
MAIN_MENU_MAX_ITEMS = 6


def _menu_candidates(home):
    return public(Page.objects.child_of(home).live()).in_menu()


def main_menu_pages(home):
    # A section withdrawn in the visitor's language (`portal.withdrawal`) leaves their menu.
    return shown_in(_menu_candidates(home)).only(
        "id", "path", "depth", "url_path", "title", "content_type_id", "locale_id"
    )[:MAIN_MENU_MAX_ITEMS]


def left_out_of_main_menu(home):
    """Sections set to show in menus for which the main menu has no room."""
    return _menu_candidates(home)[MAIN_MENU_MAX_ITEMS:]
