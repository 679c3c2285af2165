"""What the people pages read across apps: a person's articles, an article's credits."""

from django.db.models import QuerySet

from articles.models import Article
from people.models import Credit, Person


def articles_credited_to(*, person: Person) -> QuerySet[Article]:
    """The person's published articles in the edition being read, newest first:
    one article once, whatever roles the person had in it."""
    credited = Credit.objects.filter(person=person).values("article_id")
    return (
        Article.objects.published()
        .in_current_edition()
        .filter(pk__in=credited)
        .for_listing()
    )


def credits_of(*, article: Article) -> list[Credit]:
    """The article's credits with their people, in role order."""
    return list(
        Credit.objects.filter(article=article)
        .select_related("person")
        .order_by("role", "position", "pk")
    )
