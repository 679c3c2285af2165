from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors keep the mirrors, the reach page and the tips page up to date.
EDITOR_PERMISSIONS = [
    "add_mirror", "change_mirror", "delete_mirror", "view_mirror",
    "add_reachpage", "change_reachpage", "view_reachpage",
    "add_tipspage", "change_tipspage", "view_tipspage",
]  # fmt: skip


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; the group needs
    # them now.
    app_config = apps.get_app_config("mirrors")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="mirrors", codename__in=EDITOR_PERMISSIONS
    )
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *editors.permissions.filter(content_type__app_label="mirrors")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mirrors", "0001_add_mirrors_and_reach_pages"),
        ("articles", "0002_create_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
