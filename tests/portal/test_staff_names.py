"""Staff groups and the approval workflow are named in the admin user's language, and stored once,
in English (portal.staffnames)."""

import pytest

from django.contrib.auth.models import Group
from django.utils import translation

from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from portal.factories import StandardPageFactory
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db


def in_chinese(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def stored_group_names():
    return set(Group.objects.values_list("name", flat=True))


def test_the_declared_names_read_in_the_active_language():
    workflow = Workflow.objects.get()
    task = workflow.tasks.get().specific

    with translation.override("zh-hans"):
        assert Group.objects.get(name="Moderators").name == "审核人员"
        assert str(Group.objects.get(name="Press officers")) == "新闻办工作人员（记者事务）"
        assert (workflow.name, task.name) == ("审核人员审批", "审核人员审批")
    with translation.override("en"):
        assert workflow.name == "Moderators approval"


def test_a_lookup_by_the_chinese_name_finds_the_stored_english_one():
    with translation.override("zh-hans"):
        assert Group.objects.get(name="编辑人员") == Group.objects.get(name="Editors")


def test_an_editor_in_chinese_is_offered_to_submit_to_the_workflow_by_its_chinese_name(client, home):
    page = StandardPageFactory(parent=home)
    client.force_login(in_chinese(staff_user("Editors", username="editor")))

    editor = soup(client.get(f"/admin/pages/{page.pk}/edit/")).get_text(" ", strip=True)

    assert "审核人员审批" in editor
    assert "Moderators approval" not in editor


def test_the_groups_settings_in_chinese_list_the_chinese_names(client):
    client.force_login(in_chinese(staff_user(superuser=True, username="admin")))

    listing = soup(client.get("/admin/groups/")).get_text(" ", strip=True)

    assert {"编辑人员", "审核人员", "城市新闻服务平台意见处理人员", "邮件提醒管理人员"} <= set(listing.split(" "))
    assert "Moderators" not in listing


def test_a_group_saved_from_a_chinese_screen_keeps_its_english_name(client):
    client.force_login(in_chinese(staff_user(superuser=True, username="admin")))
    moderators = Group.objects.get(name="Moderators")
    before = stored_group_names()
    form = soup(client.get(f"/admin/groups/edit/{moderators.pk}/"))
    assert form.find("input", {"name": "name"})["value"] == "审核人员"

    response = client.post(f"/admin/groups/edit/{moderators.pk}/", {**edit_form_data(form), "name": "审核人员"})

    assert response.status_code == 302
    assert stored_group_names() == before


def test_a_new_group_cannot_take_the_chinese_name_of_a_declared_one(client):
    client.force_login(in_chinese(staff_user(superuser=True, username="admin")))
    form = soup(client.get("/admin/groups/new/"))
    before = stored_group_names()

    response = client.post("/admin/groups/new/", {**edit_form_data(form), "name": "编辑人员"})

    assert response.status_code == 200
    assert [e.get_text(strip=True) for e in soup(response).select(".w-field__errors .error-message")] == [
        "此组名已被占用。"
    ]
    assert stored_group_names() == before


def test_a_name_an_administrator_typed_reads_as_typed_in_every_language(client):
    Group.objects.create(name="Night desk")

    for language in ("en", "zh-hans"):
        with translation.override(language):
            assert Group.objects.get(name="Night desk").name == "Night desk"


def edit_form_data(form):
    """What a browser would send back of the group form unchanged: its inputs, the checked
    boxes and the selected options."""
    data = {}
    for control in form.select("form input[name], form select[name], form textarea[name]"):
        name = control["name"]
        if control.name == "select":
            chosen = [option.get("value", "") for option in control.find_all("option", selected=True)]
            if chosen:
                data[name] = chosen if control.has_attr("multiple") else chosen[0]
        elif control.get("type") in ("checkbox", "radio"):
            if control.has_attr("checked"):
                data.setdefault(name, []).append(control.get("value", "on"))
        elif control.get("type") not in ("submit", "button"):
            data[name] = control.get("value", "")
        if control.name == "textarea":
            data[name] = control.get_text()
    return data
