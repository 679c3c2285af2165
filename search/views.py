from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from readercache.pages import is_anonymous_reader, with_reader_headers
from search import selectors, throttle
from search.forms import SearchForm

MAX_PAGE_DIGITS = 3


def _page_number(request) -> int:
    value = request.GET.get("page", "1")
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_PAGE_DIGITS):
        raise Http404
    return int(value)


def results(request):
    """The search box's page: results of the edition, best first, paginated."""
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    if query and (wait := throttle.seconds_to_wait(request)):
        response = render(request, "search/too_many.html", {"form": form}, status=429)
        response["Retry-After"] = str(wait)
        response["Cache-Control"] = "no-store"
        return response
    page = None
    if query:
        number = _page_number(request)
        page = selectors.search_page(
            query=query, language=get_language(), number=number
        )
        if number > 1 and not page.hits:
            raise Http404
    response = render(
        request, "search/results.html", {"form": form, "query": query, "page": page}
    )
    response["X-Robots-Tag"] = "noindex"
    if not is_anonymous_reader(request):
        # A staff member's page may carry their messages: nobody else's to see.
        response["Cache-Control"] = "private, no-store"
        return response
    return with_reader_headers(response, None)
