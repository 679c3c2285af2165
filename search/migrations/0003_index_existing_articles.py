from django.db import migrations


def index_existing(apps, schema_editor):
    from search.indexing import rebuild_index

    rebuild_index(apps.get_model("articles", "Article").objects.all())


def forget_all(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_index_postgresql_or_fts5"),
        ("articles", "0013_create_reporters_group"),
    ]

    operations = [migrations.RunPython(index_existing, forget_all)]
