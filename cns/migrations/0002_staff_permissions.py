"""Who may do what with CNS data in the admin.

"CNS feedback handlers" read and triage residents' feedback (personal data: nobody else gets
these permissions by default). Editors and Moderators keep the service directory, the
townships, their districts and the feedback topics. Permissions are created here when missing
(on a new database Django makes them only after all migrations have run).
"""

from django.db import migrations

FEEDBACK_GROUP = "CNS feedback handlers"
FEEDBACK_PERMISSIONS = ["view_feedback", "change_feedback"]
DIRECTORY_MODELS = ["serviceplatform", "township", "district", "feedbacktopic"]
DIRECTORY_GROUPS = ["Editors", "Moderators"]


def _permission(apps, model, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="cns", model=model)
    action, _, _rest = codename.partition("_")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {model}"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    handlers, _ = Group.objects.get_or_create(name=FEEDBACK_GROUP)
    handlers.permissions.add(access_admin, *[_permission(apps, "feedback", codename) for codename in FEEDBACK_PERMISSIONS])

    directory = [
        _permission(apps, model, f"{action}_{model}")
        for model in DIRECTORY_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    for group in Group.objects.filter(name__in=DIRECTORY_GROUPS):
        group.permissions.add(*directory)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=FEEDBACK_GROUP).delete()
    Permission = apps.get_model("auth", "Permission")
    directory = Permission.objects.filter(content_type__app_label="cns", content_type__model__in=DIRECTORY_MODELS)
    for group in Group.objects.filter(name__in=DIRECTORY_GROUPS):
        group.permissions.remove(*directory)


class Migration(migrations.Migration):
    dependencies = [
        ("cns", "0001_initial"),
        ("portal", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
