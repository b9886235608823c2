"""The "Press officers" group: reviews journalist registrations in the admin and downloads credentials.
Editors and Moderators (when they exist) may keep the list of press topics, nothing of registrations.

Permissions are created here when missing (on a new database Django makes them only after
all migrations have run), so the group is complete on any database.
"""

from django.db import migrations

GROUP_NAME = "Press officers"
REGISTRATION_PERMISSIONS = {
    "view_journalistregistration": "Can view journalist registration",
    "change_journalistregistration": "Can change journalist registration",
}


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    registration_type, _ = ContentType.objects.get_or_create(app_label="pressroom", model="journalistregistration")
    permissions = [access_admin]
    for codename, name in REGISTRATION_PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=registration_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)
    group.permissions.add(*permissions)

    topic_type, _ = ContentType.objects.get_or_create(app_label="pressroom", model="presstopic")
    topic_permissions = [
        Permission.objects.get_or_create(
            content_type=topic_type, codename=f"{action}_presstopic", defaults={"name": f"Can {action} press topic"}
        )[0]
        for action in ("add", "change", "view")
    ]
    for staff_group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        staff_group.permissions.add(*topic_permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0001_initial"),
        ("portal", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
