from datetime import timedelta

from django.db import migrations

# An article ticked "breaking" stayed breaking forever; it now leads the ticker for
# a day after its publication, the usual life of a breaking story.
BREAKING_FOR = timedelta(days=1)


def fill_breaking_until(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.filter(is_breaking=True).only("published_at"):
        article.breaking_until = article.published_at + BREAKING_FOR
        article.save(update_fields=["breaking_until"])


def fill_is_breaking(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Article.objects.filter(breaking_until__isnull=False).update(is_breaking=True)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_article_review_state")]

    operations = [migrations.RunPython(fill_breaking_until, fill_is_breaking)]
