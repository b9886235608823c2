"""Staff roles: declared once per app (roles.py), applied after every migrate, alike in every section."""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission

from portal import roles

pytestmark = pytest.mark.django_db


def codenames(group_name, app_label=None):
    permissions = Group.objects.get(name=group_name).permissions.all()
    if app_label:
        permissions = permissions.filter(content_type__app_label=app_label)
    return set(permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_keep_the_topics_of_both_sections_alike(group):
    for app_label, model in (("pressroom", "presstopic"), ("cns", "articletopic")):
        assert {f"{action}_{model}" for action in ("add", "change", "delete", "view")} <= codenames(group, app_label)


def test_personal_data_is_granted_only_to_its_own_role():
    holders = {
        codename: set(Group.objects.filter(permissions__codename=codename).values_list("name", flat=True))
        for codename in ("view_journalistregistration", "view_feedback")
    }

    assert holders == {"view_journalistregistration": {"Press officers"}, "view_feedback": {"CNS feedback handlers"}}


def test_migrate_gives_an_existing_database_what_the_declarations_add():
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(Permission.objects.get(codename="delete_presstopic"))
    GroupPagePermission.objects.filter(group=editors).delete()
    Group.objects.filter(name="CNS feedback handlers").delete()

    call_command("migrate", verbosity=0, interactive=False)

    assert "delete_presstopic" in codenames("Editors")
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }
    assert codenames("CNS feedback handlers") == {"access_admin", "view_feedback", "change_feedback"}


def test_applying_the_roles_keeps_what_an_administrator_added():
    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.add(Permission.objects.get(codename="view_feedback"))

    roles.apply_roles()

    assert "view_feedback" in codenames("Moderators")


def test_a_declared_permission_that_does_not_exist_stops_migrate(monkeypatch):
    typo = SimpleNamespace(ROLES=[roles.Role("Typists", permissions=("cns.fly_township",))])
    monkeypatch.setattr(roles, "declarations", lambda: [typo])

    with pytest.raises(LookupError, match="cns.fly_township"):
        roles.apply_roles()
    assert not Group.objects.filter(name="Typists").exists()
