"""What tests in every folder share: reading a page, making staff.

Imported by the tests (``from tests.kit import soup, staff_user``); fixtures live in
``tests/conftest.py`` (pytest finds them there, and a conftest is not meant to be imported).
"""

from bs4 import BeautifulSoup

# What a visitor reads on a page shown in English for want of a translation, in each language.
UNTRANSLATED_NOTICE = {
    "en": "This page has not been translated into your language yet.",
    "zh-hans": "本页尚未译成中文",
}


def parse(markup):
    """Any HTML (a rendered template, a form, a page's text), parsed."""
    if isinstance(markup, bytes):
        markup = markup.decode()
    return BeautifulSoup(str(markup), "html.parser")


def soup(response, status=200):
    """The page a response holds, parsed, once its status is checked (``status=None``: any status)."""
    if status is not None:
        assert response.status_code == status, (response.status_code, response.content[:500])
    return parse(response.content)


def field_errors(response):
    """{field name: its error text} on a form page, read as assistive technology reads them: the
    messages each invalid field's aria-describedby names."""
    page = soup(response, status=None)

    def described_by(control):
        # A group of radio buttons or checkboxes is described on its fieldset.
        holder = (
            control if control.has_attr("aria-describedby") else control.find_parent(attrs={"aria-describedby": True})
        )
        return holder["aria-describedby"].split() if holder else []

    return {
        control["name"]: " ".join(
            page.find(id=described).get_text(" ", strip=True)
            for described in described_by(control)
            if described.endswith("_error") and page.find(id=described)
        )
        for control in page.select("[aria-invalid=true]")
    }


def staff_user(*groups, username="staff", password="pw", permissions=(), superuser=False, **fields):
    """A member of staff, signed up in the named groups: the roles the apps declare in their
    ``roles.py`` ("Editors", "Moderators", "Press officers", "CNS feedback handlers").

    ``permissions`` ("app_label.codename") are granted to the user directly. A user in no group
    is still staff: it may sign in to the Wagtail admin (as every declared role may).
    ``superuser=True`` makes a superuser instead. The e-mail address is ``<username>@example.org``
    unless ``email`` is given; other ``fields`` go to the user model.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from portal.roles import declared_roles

    fields.setdefault("email", f"{username}@example.org")
    users = get_user_model().objects
    if superuser:
        assert not groups and not permissions, "a superuser needs no group or permission"
        return users.create_superuser(username, password=password, **fields)
    declared = {role.name for role in declared_roles()}
    unknown = set(groups) - declared
    assert not unknown, f"{sorted(unknown)} are no declared staff role (there are {sorted(declared)})"
    user = users.create_user(username, password=password, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    labels = list(permissions) if groups else ["wagtailadmin.access_admin", *permissions]
    for label in labels:
        app_label, codename = label.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user
