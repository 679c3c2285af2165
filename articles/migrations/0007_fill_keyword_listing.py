from django.db import migrations

FILL = """
INSERT INTO articles_keywordlisting (article_id, keyword_id, language, status, published_at)
SELECT link.article_id, link.keyword_id, article.language, article.status,
       article.published_at
FROM articles_article_keywords AS link
JOIN articles_article AS article ON article.id = link.article_id
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_add_keyword_listing")]

    operations = [
        migrations.RunSQL(FILL, reverse_sql="DELETE FROM articles_keywordlisting"),
    ]
