from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "articles": [
        "add_article", "change_article", "delete_article", "view_article",
        "add_keyword", "change_keyword", "view_keyword",
        "add_section", "change_section", "view_section",
        "change_sitesettings", "view_sitesettings",
    ],
}  # fmt: skip
MODERATOR_PERMISSIONS = {
    "articles": ["view_article", "view_section", "view_keyword"],
}
GROUPS = {"Editors": EDITOR_PERMISSIONS, "Moderators": MODERATOR_PERMISSIONS}


def ensure_permissions(apps):
    # Permissions are normally created after all migrations run; a fresh database
    # needs them now to attach them to the groups.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codenames in permissions.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
