"""Error pages and the health check: the only views the project package owns."""

import logging
import secrets
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from readercache import shared

logger = logging.getLogger(__name__)
HEALTH_KEY = "newsportal:health"


def page_not_found(request, exception):
    # The page is missing in every edition: the edition switch leads to front pages.
    content = loader.render_to_string(
        "404.html", {"is_error_page": True}, request=request
    )
    return HttpResponse(content, status=404)


def bad_request(request, exception):
    # Standalone, without the request context: the request itself is what is wrong
    # (a foreign Host header cannot even build an absolute address).
    return HttpResponse(loader.render_to_string("400.html"), status=400)


def permission_denied(request, exception):
    return HttpResponse(loader.render_to_string("403.html"), status=403)


# The database not answering (restarting, unreachable, out of connections): a
# passing state, so the answer is "unavailable, try again" and nginx may retry on the
# other app server (deploy/nginx.conf), rather than a 500 that says our code broke.
UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request):
    # Rendered without the request context or any query: whatever broke the page may
    # be the database itself. Django calls this inside its exception handler.
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "120"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@never_cache
def liveness(request):
    """The process answers: no database, no template (load balancers' liveness)."""
    return HttpResponse(b"ok", content_type="text/plain")


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return False


def cache_answers() -> bool:
    # A value written and read back: a cache that swallows its errors still fails.
    probe = secrets.token_hex(8)
    readers = shared.store()
    try:
        readers.set(HEALTH_KEY, probe, timeout=10)
        return readers.get(HEALTH_KEY) == probe
    except Exception:  # any client library's error means the same to a balancer
        logger.exception("Health check: the cache did not answer")
        return False


@never_cache
def health(request):
    """For load balancers: 503 when the database does not answer (nothing can be
    served); 200 "degraded" when only the readers' cache does not (pages come from
    the database meanwhile, so taking every app server out would make an outage of
    a slowdown). Which part failed is named; the details go to the log only."""
    if not database_answers():
        return JsonResponse({"status": "failing", "failed": ["database"]}, status=503)
    if not cache_answers():
        return JsonResponse({"status": "degraded", "failed": ["cache"]})
    return JsonResponse({"status": "ok"})
