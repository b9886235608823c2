"""Routing a request from the home page to its page in two queries, whatever its depth.

Wagtail's `Page.route` walks the tree one level at a time: for every slug of the path, one query
for the child and one for its specific row, so `/en/government/agencies/<agency>/` costs six, then
two more for view restrictions and one for the breadcrumbs' ancestors. Here one query reads every
page on the path (each one's `url_path` is its parent's plus its slug, and `slug` is indexed),
the walk runs in memory, and only the page found is read as its specific type.

The walk keeps Wagtail's rules: a page on the way need not be live, the page found must be; a
routable page (`RoutablePageMixin`) on the way answers first when one of its routes matches the
rest of the path; a page type with routing of its own gets the rest of the path, as in Wagtail.
The pages walked are kept on the page found (`routed_ancestors`, for the breadcrumbs), and when
none of them is restricted or an alias the page is given no view restrictions without asking
the database again.

The same query reads what every page shows besides: the languages each page read is withdrawn
in (`portal.withdrawal`; the page found keeps its own, for the switcher and the notice of a
withdrawn language), and the root's children in menus, from which the main menu is chosen
(`routed_menu`, see `portal.menu`).
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from .menu import MAIN_MENU_MAX_ITEMS
from .statements import instances, placed_instances
from .withdrawal import read_hidden_languages, with_hidden_languages

_WAGTAIL_ROUTES = {Page.route, RoutablePageMixin.route}


def route_from(root, request, path_components):
    """The RouteResult of `path_components` under `root` (the site's root page, specific)."""
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[:depth])
        for depth in range(1, 1 + len(path_components))
    ]
    root_and_ancestors = [root.path[:end] for end in range(Page.steplen, len(root.path) + 1, Page.steplen)]
    slugs = tuple(dict.fromkeys(path_components))
    rows = placed_instances(
        # The SQL depends on the root and the number of slugs and prefixes, never on their text:
        # compiled once per root and path shape, the slugs and prefixes passed on each run.
        ("route", root.pk, root.path, root.depth, root.url_path, len(slugs), len(prefixes)),
        lambda *values: _walk_rows(root, root_and_ancestors, values[: len(slugs)], values[len(slugs) :]),
        (*slugs, *prefixes),
    )
    by_url_path, walked, children = {}, [], []
    for row in rows:
        read_hidden_languages(row)
        if row.path in root_and_ancestors:
            walked.append(row)
        else:
            by_url_path[row.url_path] = row
            if row.depth == root.depth + 1:
                children.append(row)
    unrestricted = not any(row.restricted or row.alias_of_id for row in walked)
    root._hidden_languages = walked[-1]._hidden_languages
    menu = _menu(children, public=not any(row.restricted for row in walked))

    page = root
    trail = [root]
    for position in range(len(path_components)):
        remaining = path_components[position:]
        page_class = type(page) if page is root else page.specific_class
        if page_class is None:
            raise Http404
        own_routing = page is not root and page_class.route not in _WAGTAIL_ROUTES
        routes_first = issubclass(page_class, RoutablePageMixin) and page.live and _matches(page_class, remaining)
        if own_routing or routes_first:
            return _finish(_specific(page), request, remaining, trail, unrestricted, menu)
        child = by_url_path.get(prefixes[position])
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        unrestricted = unrestricted and not (child.restricted or child.alias_of_id)
        page = child
        trail.append(child)
    if page is root:
        return _finish(root, request, None, trail, unrestricted, menu)
    return _finish(_specific(page), request, [], trail, unrestricted, menu)


def _walk_rows(root, root_and_ancestors, slugs, prefixes):
    in_menu = Q(path__startswith=root.path, depth=root.depth + 1, live=True, show_in_menus=True)
    return with_hidden_languages(
        Page.objects.filter(
            Q(path__in=root_and_ancestors)
            | Q(slug__in=slugs, url_path__in=prefixes, path__startswith=root.path)
            | in_menu
        )
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))))
        .order_by("path")
    )


def _specific(page):
    """`page.specific`, read by a statement compiled once per page type (`portal.statements`):
    the same row and object, without Django building and compiling the same query each time."""
    model = page.specific_class
    if model is None or isinstance(page, model) or "specific" in page.__dict__:
        return page.specific
    found = instances(("specific", model), lambda: model._default_manager.filter(pk=page.pk), params=(page.pk,))
    if not found:
        return page.specific  # gone since the walk: as Wagtail, DoesNotExist
    specific = found[0]
    # As `get_specific` leaves it: the generic page's other attributes kept on the specific one.
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    page.specific = specific
    return specific


def _menu(children, public):
    """The main menu's pages among the root's children read (`portal.menu.main_menu_pages`): live,
    in menus, under no view restriction, shown in the active language."""
    if not public:
        return []
    language = get_language()
    shown = [
        child
        for child in children
        if child.live and child.show_in_menus and not child.restricted and language not in child._hidden_languages
    ]
    return shown[:MAIN_MENU_MAX_ITEMS]


def _matches(page_class, remaining):
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in remaining))
    except Http404:
        return False
    return True


def _finish(page, request, remaining, trail, unrestricted, menu):
    """The page's own route for the rest of the path (a routable page's index route for none);
    the root's is this module, so it is served as found (`remaining` None)."""
    result = _served(page) if remaining is None else page.route(request, remaining)
    found = result[0]
    if found is page:
        # The trail from the site's root to the page found, as breadcrumbs list it.
        page.routed_ancestors = [*trail[:-1], page]
        page._hidden_languages = trail[-1]._hidden_languages
        page.routed_menu = menu
        if unrestricted:
            # Wagtail's serving hook asks every page for its restrictions (two queries); the walk
            # has already seen that none of its pages, nor the root's ancestors, has one.
            page.get_view_restrictions = PageViewRestriction.objects.none
    return result


def _served(page):
    if not page.live:
        raise Http404
    return RouteResult(page)
