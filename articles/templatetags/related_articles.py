"""An article's "Related" block, rendered once per article, edition and version
(see ``readercache.fragments``): the same for every reader."""

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from articles import selectors
from readercache.fragments import cached_for_readers

register = template.Library()


@register.simple_tag
def related_articles(article) -> SafeString:
    return cached_for_readers(
        f"related:{translation.get_language()}:{article.pk}",
        lambda: render_to_string(
            "articles/_related.html",
            {"related": selectors.related_articles(article)},
        ),
    )
