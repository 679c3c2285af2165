"""What the search tests share: an article in an edition, and the titles a search
finds, in order."""

from django.utils import translation

from search.selectors import search_page
from tests.factories import ArticleFactory


def article(*, language="ar", title="عنوان", lead="مقدمة قصيرة", body="", **extra):
    return ArticleFactory(
        language=language,
        title=title,
        lead=lead,
        body=f"<p>{body}</p>" if body else "",
        **extra,
    )


def found(query: str, *, language="ar", number=1) -> list[str]:
    with translation.override(language):
        page = search_page(query=query, language=language, number=number)
    return [_plain(hit.title) for hit in page.hits]


def _plain(title: str) -> str:
    return title.replace("<mark>", "").replace("</mark>", "")
