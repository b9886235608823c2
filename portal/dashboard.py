"""What waits for each member of staff, on their admin dashboard: each app declares its own.

An app's ``dashboard.py`` may hold ``WAITING``: a list of ``Waiting`` items, each a count of
records that wait for someone (new registrations, new resident messages), said in a sentence
that links to the admin list filtered to just those records. An item is shown to the users
its ``permission`` names, so a press officer sees the registrations and a feedback handler
the messages, each only what their role lets them open.

The modules are found through Django's app registry, as ``portal.roles`` finds ``roles.py``,
so the portal imports no section.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import module_has_submodule
from django.utils.translation import ngettext_lazy

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .drafts import MINE, drafts_of
from .reports import untranslated_page_ids


@dataclass(frozen=True)
class Waiting:
    """A count of records that wait for staff, and the list that shows them.

    ``message`` is an ``ngettext_lazy(singular, plural, "count")`` with ``%(count)d`` in it;
    ``count(user)`` counts the records; ``url()`` is the filtered list's address (see
    ``list_url``). The item is shown to the holders of ``permission`` ("app_label.codename"),
    the permission that opens the list, or, where no one permission does, to the users for
    whom ``may_see(user)`` is true.
    """

    message: object
    count: Callable
    url: Callable
    permission: str = ""
    may_see: Callable | None = None
    order: int = 100
    # An item that is no one's standing work (a draft left behind) is shown only when there is some.
    only_when_any: bool = False

    def shown(self, user):
        return self.may_see(user) if self.may_see else user.has_perm(self.permission)


def list_url(viewset_name, **filters):
    """The index of an admin viewset (its ``name``), filtered: ``list_url("cns_feedback", status="new")``."""
    url = reverse(f"{viewset_name}:index")
    return f"{url}?{urlencode(filters)}" if filters else url


def declared_waiting():
    """Every app's ``WAITING`` items, in their ``order``, then in the order of INSTALLED_APPS."""
    items = [
        item
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "dashboard")
        for item in getattr(import_module(f"{config.name}.dashboard"), "WAITING", ())
    ]
    return sorted(items, key=lambda item: item.order)


def waiting_for(user):
    """[(sentence, count, url), ...] of the items `user` may see: one count query each."""
    rows = []
    for item in declared_waiting():
        if item.shown(user):
            count = item.count(user)
            if count or not item.only_when_any:
                rows.append((item.message % {"count": count}, count, item.url()))
    return rows


class PermittedMenuItem(MenuItem):
    """A menu item shown only to the users its view lets in (``may_open(user)``)."""

    def __init__(self, *args, may_open, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_open = may_open

    def is_shown(self, request):
        return self.may_open(request.user)


class WaitingPanel(Component):
    """On the dashboard: what waits for this user, each count linking to its filtered list."""

    name = "waiting_for_you"
    template_name = "portal/admin/waiting_panel.html"
    order = 100  # first of the panels: the day's work, before Wagtail's own (moderation at 210)

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


# The portal's own item: pages whose Chinese (or other language's) text is missing, for those who
# edit pages. Its list is Reports › Awaiting translation (`portal.reports`).


def may_edit_pages(user):
    return policy_registry.get_by_type(Page).user_has_permission(user, "change")


def _untranslated_pages(user):
    pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    return pages.filter(pk__in=untranslated_page_ids()).count()


WAITING = [
    Waiting(
        ngettext_lazy("%(count)d page is awaiting translation", "%(count)d pages are awaiting translation", "count"),
        count=_untranslated_pages,
        url=lambda: reverse("untranslated_pages"),
        may_see=may_edit_pages,
        order=300,
    ),
    Waiting(
        ngettext_lazy(
            "%(count)d of your pages is a draft never published",
            "%(count)d of your pages are drafts never published",
            "count",
        ),
        count=lambda user: drafts_of(user).count(),
        url=lambda: f"{reverse('never_published_pages')}?owner={MINE}",
        may_see=may_edit_pages,
        order=310,
        only_when_any=True,
    ),
]
