"""Security headers that Django's own middleware does not set, and staff pages' policy.

Django's SecurityMiddleware, XFrameOptionsMiddleware and ContentSecurityPolicyMiddleware
write most headers from the settings (see newsportal/settings.py). This middleware adds
the rest to every response and chooses the admin's variants:

- ``Permissions-Policy``: no page of ours uses the camera, microphone, location,
  payments or USB, and no page lets the browser file readers under ad topics. Denying
  them means that even script that slipped in could not ask for them.
- On staff pages (the admin and the sign-in pages), ``settings.ADMIN_CSP`` with the
  request's nonce instead of the readers' policy, and ``Referrer-Policy: same-origin``
  instead of ``no-referrer``. Browsers turn ``no-referrer`` into ``Origin: null`` on a
  form post, which Django's CsrfViewMiddleware rejects as a foreign origin ("Origin
  checking failed"); over HTTPS, a browser that sends no Origin must send a
  same-origin Referer or is refused ("Referer checking failed - no Referer").
  ``same-origin`` sends both to our own host only, so no staff address leaks to
  another site. Readers' forms (the comment post) are exempt from CSRF and need
  neither.
"""

from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

DENIED_FEATURES = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "browsing-topics",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)
STAFF_REFERRER_POLICY = "same-origin"


@cache
def staff_prefixes() -> tuple[str, ...]:
    """Where pages are rendered for one staff member and never cached for readers:
    the admin and the staff sign-in pages (staff.urls, whose login is at its root)."""
    return (reverse("admin:index"), reverse("account_login").removesuffix("login/"))


def is_staff_page(request: HttpRequest) -> bool:
    return request.path.startswith(staff_prefixes())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_staff_page(request):
            # A view's own @csp_override still wins.
            if not hasattr(response, "_csp_config"):
                response._csp_config = settings.ADMIN_CSP
            response.headers.setdefault("Referrer-Policy", STAFF_REFERRER_POLICY)
        return response
