"""Which of the site's names a request arrived on: the main domain, the onion
address or a mirror.

The names the site answers to come from the environment only (``ONION_HOST``,
``MIRROR_HOSTS``, ``DJANGO_ALLOWED_HOSTS``). Mirrors an editor adds in the admin are
*published* (the reach page, mirrors.json) but never widen the hosts the site
answers to: a Host header is a security boundary (what absolute URLs, cached pages
and redirects are built from), and a mirror that serves this site needs an operator
to set it up anyway (DNS, a certificate, the reverse proxy), who then adds its name
to ``MIRROR_HOSTS``. A mirror hosted elsewhere (a static copy) needs no entry here.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

MAIN, ONION, MIRROR = "main", "onion", "mirror"


def host_name(request: HttpRequest) -> str:
    """The request's host name, validated against ALLOWED_HOSTS, without its port."""
    host = request.get_host().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


def host_kind(request: HttpRequest) -> str:
    name = host_name(request)
    if settings.ONION_HOST and name == settings.ONION_HOST:
        return ONION
    if name in settings.MIRROR_HOSTS:
        return MIRROR
    return MAIN


def is_onion(request: HttpRequest) -> bool:
    return host_kind(request) == ONION


def main_host() -> str:
    return (urlsplit(settings.SITE_URL).hostname or "").lower()


def onion_url(path: str = "/") -> str:
    """The onion address of ``path`` (onion services are served over plain HTTP:
    Tor encrypts and authenticates the connection end to end)."""
    return f"http://{settings.ONION_HOST}{path}" if settings.ONION_HOST else ""
