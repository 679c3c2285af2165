"""Keeping the index in step with articles: one article at a time on save (in the
transaction of the change, like the keyword listing), all of them on demand
(``manage.py rebuild_search_index``, after a bulk load that sent no signals)."""

import html
import re

from django.utils.html import strip_tags

from search import backends
from search.models import SearchEntry
from search.normalise import tokens

_SPACES = re.compile(r"\s+")


def plain_text(body_html: str) -> str:
    """The body's words without markup, paragraphs kept apart by a space."""
    return _SPACES.sub(" ", html.unescape(strip_tags(body_html.replace("<", " <"))))


def index_article(*, article_id: int, title: str, lead: str, body: str) -> None:
    body_text = plain_text(body).strip()
    SearchEntry.objects.update_or_create(
        article_id=article_id, defaults={"body_text": body_text}
    )
    backends.write(
        article_id,
        {"title": tokens(title), "lead": tokens(lead), "body": tokens(body_text)},
    )


def forget_article(*, article_id: int) -> None:
    SearchEntry.objects.filter(article_id=article_id).delete()
    backends.forget(article_id)


def rebuild_index(articles) -> int:
    """Index every article of ``articles`` anew; returns how many."""
    count = 0
    for article_id, title, lead, body in articles.values_list(
        "pk", "title", "lead", "body"
    ).iterator(chunk_size=500):
        index_article(article_id=article_id, title=title, lead=lead, body=body)
        count += 1
    return count
