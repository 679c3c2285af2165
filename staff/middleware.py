from django.conf import settings

from staff.sessions import session_end, session_expired


class StaffSessionLimitsMiddleware:
    """Ends a signed-in session after its idle time or its whole lifetime.

    Readers carry no session cookie, so for them this costs nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and request.user.is_authenticated
            and session_expired(request)
        ):
            session_end(request)
        return self.get_response(request)
