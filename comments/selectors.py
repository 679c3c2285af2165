"""What the article page asks of comments: its approved comments, counted and paged."""

from django.core.paginator import Page, Paginator

from articles.models import Article
from comments.models import Comment

COMMENTS_PER_PAGE = 50


def approved_comments_page(*, article: Article, number: str | int | None) -> Page:
    """One page of the article's approved comments, oldest first.

    ``page.paginator.count`` is the approved count. A bad or out-of-range number gives
    the nearest real page: a comment link must never break the article page.
    """
    comments = (
        Comment.objects.approved()
        .on_article(article)
        .oldest_first()
        .only("pk", "name", "body", "created_at", "article_id")
    )
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(number)
