from django.db import migrations

class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0010_fill_breaking_until'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='article_breaking_idx',
        ),
        migrations.RemoveField(
            model_name='article',
            name='is_breaking',
        ),
    ]
