from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    "view_comment", "change_comment",
    "add_senderban", "change_senderban", "view_senderban", "delete_senderban",
]  # fmt: skip
EDITOR_PERMISSIONS = ["view_comment"]
GROUPS = {"Moderators": MODERATOR_PERMISSIONS, "Editors": EDITOR_PERMISSIONS}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need them
    # now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comments", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="comments")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_create_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
