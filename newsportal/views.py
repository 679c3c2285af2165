"""Error pages and the health check: the only views the project package owns."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache


def page_not_found(request, exception):
    # The page is missing in every edition: the edition switch leads to front pages.
    content = loader.render_to_string(
        "404.html", {"is_error_page": True}, request=request
    )
    return HttpResponse(content, status=404)


def server_error(request):
    # Rendered without the request context or any query: whatever broke the page may
    # be the database itself.
    return HttpResponse(loader.render_to_string("500.html"), status=500)


@never_cache
def liveness(request):
    """The process answers: no database, no template (load balancers' liveness)."""
    return HttpResponse(b"ok", content_type="text/plain")


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
