from django.contrib.auth.management import create_permissions
from django.db import migrations

# Reporters write and edit their own drafts and submit them for review (the admin
# and articles.services keep them to their own, unpublished articles); publishing is
# the Editors' new permission.
REPORTER_PERMISSIONS = [
    "add_article",
    "change_article",
    "view_article",
    "view_section",
    "view_keyword",
]


def create_reporters(apps, schema_editor):
    # Permissions are normally created after all migrations run; the groups need
    # them now (publish_article is new).
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    articles = Permission.objects.filter(content_type__app_label="articles")
    reporters, _created = Group.objects.get_or_create(name="Reporters")
    reporters.permissions.add(*articles.filter(codename__in=REPORTER_PERMISSIONS))
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*articles.filter(codename="publish_article"))


def remove_reporters(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Reporters").delete()
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *editors.permissions.filter(codename="publish_article")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_correction"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_reporters, remove_reporters)]
