import re

from django.utils.translation import get_language

from readercache.pages import is_anonymous_reader
from readership.counting import count_reading, flush_if_due

# Crawlers and link previews are not readers.
NOT_A_READER = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit", re.I)
ARTICLE_PAGE = "articles:detail"


class ReadingCounterMiddleware:
    """Counts a reading of each article page an anonymous reader is sent, whether
    it was rendered or came from the page cache (which runs no view code), in the
    readers' cache only (see ``readership.counting``). Staff, crawlers and
    revalidations (304) are not counted; nothing about the reader is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if (
            match is not None
            and match.view_name == ARTICLE_PAGE
            and request.method == "GET"
            and response.status_code == 200
            and is_anonymous_reader(request)
            and not NOT_A_READER.search(request.headers.get("User-Agent", ""))
        ):
            count_reading(article_id=match.kwargs["pk"], language=get_language())
            flush_if_due()
        return response
