"""The names of the staff groups and of the approval workflow, read in the admin user's language.

They are rows (``auth.Group``, Wagtail's ``Workflow`` and ``Task``) that Wagtail prints on some thirty
screens: the submit button ("Submit to Moderators approval"), the page's status, the workflow history,
the dashboard, the users and groups settings. The project declares them (the roles' names and
``APPROVAL_WORKFLOW``), marked for the catalogue; the database keeps the one English name, which
queries, unique checks and the roles' declarations use.

``install`` makes ``name`` of those models read as the catalogue's translation of a declared name, and
makes the field turn such a translation back into the declared name whenever it is saved or looked
up. So a Chinese screen shows 审核人员, and a group form saved there still stores "Moderators"; a
group form asked to create a second group named 审核人员 is told that the name is taken. A name an
administrator typed is not in the catalogue and reads as typed, in every language.
"""

from functools import cache

from django.contrib.auth.models import Group
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import get_language, gettext, gettext_noop, override

from wagtail.models import Task, Workflow

# The workflow on the whole page tree and its one task (portal migration 0002 makes both).
APPROVAL_WORKFLOW = gettext_noop("Moderators approval")


@cache
def declared_names():
    from .roles import declared_roles

    return frozenset({role.name for role in declared_roles()} | {APPROVAL_WORKFLOW})


@cache
def _declared_by_translation(language):
    with override(language):
        return {gettext(name): name for name in declared_names()}


def translated(name):
    """The active language's name for `name` when the project declares it; else `name` itself."""
    return gettext(name) if name in declared_names() else name


def declared(name):
    """The declared (stored) name that `name` translates, in the active language; else `name`."""
    if not isinstance(name, str):
        return name
    return _declared_by_translation(get_language() or "en").get(name, name)


class TranslatedName(DeferredAttribute):
    """Reads the stored name in the active language. A data descriptor (it has ``__set__``), so
    that reading goes through it although Django keeps the loaded value in the instance's dict."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        return translated(super().__get__(instance, cls))

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


def install():
    for model in (Group, Workflow, Task):
        field = model._meta.get_field("name")
        stored = field.get_prep_value
        # The instance's own method, not a subclass: the field's deconstruction (and so every
        # migration of auth and wagtailcore) stays as it is.
        field.get_prep_value = lambda value, stored=stored: stored(declared(value))
        setattr(model, field.attname, TranslatedName(field))
