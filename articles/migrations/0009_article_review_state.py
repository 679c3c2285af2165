import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_article_image_size_and_renditions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='article',
            options={'ordering': ['-published_at', '-pk'], 'permissions': [('publish_article', 'Can publish, schedule and withdraw articles')], 'verbose_name': 'article', 'verbose_name_plural': 'articles'},
        ),
        migrations.RemoveConstraint(
            model_name='article',
            name='article_status_valid',
        ),
        migrations.AddField(
            model_name='article',
            name='breaking_until',
            field=models.DateTimeField(blank=True, help_text='Until this time the article leads the latest-news ticker, marked Breaking; afterwards it takes its normal place. Empty: not breaking.', null=True, verbose_name='breaking until'),
        ),
        migrations.AddField(
            model_name='article',
            name='created_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by'),
        ),
        migrations.AddField(
            model_name='article',
            name='submitted_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='submitted for review'),
        ),
        migrations.AlterField(
            model_name='article',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('review', 'Ready for review'), ('published', 'Published'), ('removed', 'Taken down')], default='draft', max_length=10, verbose_name='status'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('breaking_until__isnull', False)), fields=['language', 'breaking_until'], name='article_breaking_until_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('status', 'review')), fields=['status', 'submitted_at'], name='article_review_queue_idx'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'review', 'published', 'removed'])), name='article_status_valid'),
        ),
    ]
