"""Formerly made the "CNS feedback handlers" group and gave editors the CNS lists.

Kept for the history of existing databases. CNS's roles are declared in cns/roles.py and
applied after every migrate (portal.roles).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cns", "0001_initial"),
        ("portal", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
