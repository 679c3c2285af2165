from django.db import migrations


def create_site_settings(apps, schema_editor):
    apps.get_model("articles", "SiteSettings").objects.get_or_create(
        pk=1, defaults={"name": "Newsportal"}
    )


def delete_site_settings(apps, schema_editor):
    apps.get_model("articles", "SiteSettings").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_create_staff_groups")]

    operations = [migrations.RunPython(create_site_settings, delete_site_settings)]
