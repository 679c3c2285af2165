"""The site's addresses plus one whose view fails, to reach the 500 page."""

from django.urls import path

from newsportal.urls import handler404, handler500
from newsportal.urls import urlpatterns as site_patterns


def failing_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("fails/", failing_view), *site_patterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
