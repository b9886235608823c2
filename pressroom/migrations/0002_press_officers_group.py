"""Formerly made the "Press officers" group and gave editors the press topics.

Kept for the history of existing databases. The pressroom's roles are declared in
pressroom/roles.py and applied after every migrate (portal.roles).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pressroom", "0001_initial"),
        ("portal", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
