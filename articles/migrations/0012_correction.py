import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import articles.models

class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0011_remove_article_is_breaking'),
    ]

    operations = [
        migrations.CreateModel(
            name='Correction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('correction', 'Correction'), ('update', 'Update')], default='correction', max_length=12, verbose_name='kind')),
                ('note', models.TextField(help_text='What was wrong and what is right now, or what is new.', validators=[django.core.validators.MaxLengthValidator(1000)], verbose_name='note')),
                ('noted_at', models.DateTimeField(default=articles.models.now_to_the_second, verbose_name='time')),
            ],
            options={
                'verbose_name': 'correction or update',
                'verbose_name_plural': 'corrections and updates',
                'ordering': ['noted_at', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='correction',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='corrections', to='articles.article', verbose_name='article'),
        ),
        migrations.AddIndex(
            model_name='correction',
            index=models.Index(fields=['kind', '-noted_at'], name='correction_newest_idx'),
        ),
        migrations.AddConstraint(
            model_name='correction',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['correction', 'update'])), name='correction_kind_valid'),
        ),
        migrations.AddField(
            model_name='article',
            name='last_note_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='The time of its newest correction or update, shown as Updated.', null=True, verbose_name='updated (for readers)'),
        ),
    ]
