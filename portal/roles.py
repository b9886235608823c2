"""Staff roles: each app declares its own in a ``roles.py``, and ``migrate`` applies them all.

An app's ``roles.py`` may hold:

- ``ROLES``: the staff groups it adds, as ``Role`` values;
- ``EDITORIAL_LISTS``: its models that editors keep (topics, directories), as "app_label.Model".
  One rule covers them in every section: Editors and Moderators may add, change, delete and view
  them (``EDITORIAL_ROLES``), so two sections can no longer grant the same kind of list differently.

The modules are found through Django's app registry, as ``load_demo_content`` finds ``demo.py``,
so the portal imports no section. ``apply_roles`` runs after every ``migrate`` (a ``post_migrate``
receiver, see ``portal.apps``), so a permission added to a declaration reaches existing databases
with the next deployment. It only adds what is missing: a permission an administrator granted by
hand stays. Withdrawing one takes a data migration as well as the change here.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_noop

EDITORIAL_ACTIONS = ("add", "change", "delete", "view")


@dataclass(frozen=True)
class Role:
    """A staff group and what its members may do. Every role may sign in to the Wagtail admin.

    ``permissions`` are "app_label.codename"; ``page_permissions`` are codenames of Wagtail's page
    permissions on the root of the page tree (so on every page); ``collection_permissions`` are
    "app_label.codename" on the root collection (so on every image and document).
    """

    name: str
    permissions: tuple = ()
    page_permissions: tuple = ()
    collection_permissions: tuple = ()


MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)

# Editors edit every page and submit it for approval ("Moderators approval", the workflow on the
# whole tree, made by portal's migration 0002); moderators also publish and keep the Office's contact
# and the site's identity (sponsor, operator, filing numbers: fields of the same setting, portal.identity).
EDITORS = Role(gettext_noop("Editors"), page_permissions=("add_page", "change_page"), collection_permissions=MEDIA)
MODERATORS = Role(
    gettext_noop("Moderators"),
    permissions=("portal.change_officecontact",),
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    collection_permissions=MEDIA,
)

ROLES = [EDITORS, MODERATORS]
EDITORIAL_ROLES = (EDITORS.name, MODERATORS.name)


def declarations():
    """The ``roles`` module of every installed app that has one, in the order of INSTALLED_APPS."""
    return [
        import_module(f"{config.name}.roles")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "roles")
    ]


def declared_roles():
    """Every declared role, merged by name: what each app grants a group is added together."""
    grants = {}
    for module in declarations():
        for role in getattr(module, "ROLES", ()):
            grants.setdefault(role.name, []).append(role)
        keeping = editorial_permissions(getattr(module, "EDITORIAL_LISTS", ()))
        if keeping:
            for name in EDITORIAL_ROLES:
                grants.setdefault(name, []).append(Role(name, permissions=keeping))
    return [
        Role(
            name,
            permissions=_union(role.permissions for role in roles),
            page_permissions=_union(role.page_permissions for role in roles),
            collection_permissions=_union(role.collection_permissions for role in roles),
        )
        for name, roles in grants.items()
    ]


def editorial_permissions(labels):
    """Every action on each of the models ("app_label.Model") of an app's editorial lists."""
    models = [label.lower().split(".") for label in labels]
    return tuple(f"{app}.{action}_{model}" for app, model in models for action in EDITORIAL_ACTIONS)


def _union(parts):
    return tuple(dict.fromkeys(item for part in parts for item in part))


def apply_roles(using=DEFAULT_DB_ALIAS):
    """Create each declared group and give it what its declaration says, adding only what is missing."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for config in apps.get_app_configs():  # post_migrate reaches portal before the apps after it
        create_permissions(config, verbosity=0, using=using)
    root_page = Page.objects.using(using).filter(depth=1).values_list("pk", flat=True).first()
    root_collection = Collection.objects.using(using).filter(depth=1).values_list("pk", flat=True).first()

    def permission(label):
        app_label, codename = label.split(".")
        try:
            return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)
        except Permission.DoesNotExist:
            raise LookupError(f"A staff role grants {label!r}, which is no permission of an installed app.") from None

    with transaction.atomic(using=using):  # all of the declarations or, on a mistake in one, none
        for role in declared_roles():
            group, _created = Group.objects.using(using).get_or_create(name=role.name)
            group.permissions.add(permission("wagtailadmin.access_admin"), *map(permission, role.permissions))
            for codename in role.page_permissions if root_page else ():
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page_id=root_page, permission=permission(f"wagtailcore.{codename}")
                )
            for label in role.collection_permissions if root_collection else ():
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group, collection_id=root_collection, permission=permission(label)
                )


def apply_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    apply_roles(using)
