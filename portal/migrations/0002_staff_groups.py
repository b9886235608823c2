"""Staff groups of the portal, with the moderation workflow on the whole page tree.

Wagtail's own migrations create "Editors" and "Moderators" on a new database; this one
makes sure they exist with the portal's permissions on any database, including one
where they were renamed or removed: editors edit and submit for approval, moderators
also publish and keep the Office's contact setting.
"""

from django.db import migrations

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )

    def page_permission(codename):
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        return permission

    groups = {}
    for name, page_codenames in (("Editors", EDITOR_PAGE_PERMISSIONS), ("Moderators", MODERATOR_PAGE_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
        if root is not None:
            for codename in page_codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=page_permission(codename)
                )
        if root_collection is not None:
            for app_label, codenames in MEDIA_PERMISSIONS.items():
                for permission in Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                ):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

    contact_type, _ = ContentType.objects.get_or_create(app_label="portal", model="officecontact")
    change_contact, _ = Permission.objects.get_or_create(
        content_type=contact_type, codename="change_officecontact", defaults={"name": "Can change Office contact"}
    )
    groups["Moderators"].permissions.add(change_contact)

    # Every page goes through moderators' approval unless a workflow is set deeper down.
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name="Moderators approval", content_type=task_type, active=True)
        task.groups.add(groups["Moderators"])
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=Task.objects.get(pk=task.pk), sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=root)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
