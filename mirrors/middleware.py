"""The onion service, site-wide: clearnet pages offer the onion address, and the
onion address is never sent to HTTPS.

- ``Onion-Location: http://<onion><path>?<query>`` on every HTML response answered
  on the main domain or a mirror (both are clearnet), so Tor Browser offers the
  onion address of the page being read. Not on the onion host itself.
- On the onion host, Django's SecurityMiddleware runs without its HTTPS redirect
  (``SECURE_SSL_REDIRECT``): an onion address has no certificate, and Tor already
  encrypts and authenticates the connection end to end. It sends no HSTS there
  either, since the request is not HTTPS. Every other header it sets, and the CSP,
  stay as on the main domain.

It stands right outside SecurityMiddleware in ``MIDDLEWARE`` (where Django's
deploy check still finds that middleware by name): for an onion request it calls
SecurityMiddleware's response half itself around the rest of the chain, skipping
only its request half, the redirect.
"""

import ipaddress
import logging
import time
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.middleware.security import SecurityMiddleware

from mirrors import hosts
from newsportal.senders import TOR_CIRCUITS, client_address

logger = logging.getLogger(__name__)
SHARED_ADDRESS_WARNING_SECONDS = 600


class OnionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        # Django wraps each middleware (convert_exception_to_response, which keeps
        # it as __wrapped__); the next one must be SecurityMiddleware.
        self.security = getattr(get_response, "__wrapped__", None)
        if not isinstance(self.security, SecurityMiddleware):
            raise ImproperlyConfigured(
                "mirrors.middleware.OnionMiddleware must come right before"
                " django.middleware.security.SecurityMiddleware in MIDDLEWARE."
            )
        self._warned_at = 0.0

    def __call__(self, request: HttpRequest) -> HttpResponse:
        kind = hosts.host_kind(request)
        if kind == hosts.ONION:
            self._warn_if_circuits_are_not_told_apart(request)
            response = self.security.get_response(request)
            return self.security.process_response(request, response)
        response = self.get_response(request)
        onion = hosts.onion_url(request.get_full_path())
        if onion and response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Onion-Location", onion)
        return response

    def _warn_if_circuits_are_not_told_apart(self, request: HttpRequest) -> None:
        """Every onion reader shares one address unless Tor hands each circuit its
        own (HiddenServiceExportCircuitID haproxy): say so in the log, which then
        counts all of them as one commenter. The address itself is not logged."""
        if time.monotonic() - self._warned_at < SHARED_ADDRESS_WARNING_SECONDS:
            return
        try:
            circuit = ipaddress.ip_address(client_address(request)) in TOR_CIRCUITS
        except ValueError:
            circuit = False
        if not circuit:
            self._warned_at = time.monotonic()
            logger.warning(
                "A request on the onion host came without a Tor circuit address:"
                " all onion readers count as one sender. See deploy/torrc.example."
            )
