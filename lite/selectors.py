"""What the lite edition reads: the edition's newest headlines, and one article with
its approved comment count."""

from django.db.models import QuerySet

from articles import selectors as article_selectors
from articles.models import Article
from comments.models import Comment


def front_headlines() -> QuerySet[Article]:
    """The edition's published articles, newest first, with only what a headline
    line needs."""
    return (
        Article.objects.published()
        .in_current_edition()
        .newest_first()
        .only("pk", "title", "published_at", "language")
    )


def front_count() -> int:
    return article_selectors.listing_count("lite", front_headlines())


def article_for_readers(pk: int) -> Article | None:
    return Article.objects.for_detail().published().filter(pk=pk).first()


def is_taken_down(pk: int) -> bool:
    return Article.objects.filter(pk=pk, status=Article.Status.REMOVED).exists()


def approved_comment_count(article: Article) -> int:
    return Comment.objects.approved().on_article(article).count()
