from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from mirrors import selectors
from mirrors.models import TipsPage
from readercache.pages import cache_page_for_readers

MIRRORS_JSON_MAX_AGE = 300


def canonical_url(request) -> str:
    # The one address built from the main domain, whichever host answers.
    return settings.SITE_URL + request.path


@cache_page_for_readers
def reach(request):
    """How to reach us if we are blocked."""
    addresses = selectors.reach_addresses(request)
    text = addresses.as_text()
    context = {
        "addresses": addresses,
        "page": addresses.page,
        "text": text,
        "text_rows": min(text.count("\n") + 1, 24),
        "canonical_url": canonical_url(request),
    }
    return render(request, "mirrors/reach.html", context)


@cache_page_for_readers
def reach_text(request):
    """The same addresses as plain text, to copy, print or forward."""
    text = selectors.reach_addresses(request).as_text()
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@never_cache
def tips(request):
    """For sources. Never stored by the browser or a proxy (a seized device's cache
    must not show the visit), rendered without a session or a form token, and the
    page's links tell nobody where the reader came from."""
    context = {"tips": TipsPage.load(), "canonical_url": canonical_url(request)}
    response = render(request, "mirrors/tips.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response


def mirrors_json(request):
    """/.well-known/mirrors.json, for tools (format in the README)."""
    response = JsonResponse(
        selectors.mirrors_document(request), json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = f"public, max-age={MIRRORS_JSON_MAX_AGE}"
    # Tools and browser extensions on other origins may read it: it is public.
    response["Access-Control-Allow-Origin"] = "*"
    return response
