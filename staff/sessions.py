"""Staff sessions: how long they last, and ending them on the server."""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

from staff.models import StaffSession

STARTED = "staff_session_started"
SEEN = "staff_session_seen"
# The last-seen time is written at most once a minute, not on every request.
SEEN_PRECISION_SECONDS = 60


def session_begin(request: HttpRequest, user: AbstractBaseUser) -> None:
    now = time.time()
    request.session[STARTED] = request.session[SEEN] = now
    if request.session.session_key is None:
        request.session.save()
    StaffSession.objects.get_or_create(
        session_key=request.session.session_key, defaults={"user": user}
    )


def session_expired(request: HttpRequest) -> bool:
    """True when the session has been idle too long or open too long in all."""
    now = time.time()
    started = request.session.get(STARTED)
    seen = request.session.get(SEEN, started)
    if started is None:
        session_begin(request, request.user)
        return False
    if now - started > settings.STAFF_SESSION_HOURS * 3600:
        return True
    if now - seen > settings.STAFF_SESSION_IDLE_MINUTES * 60:
        return True
    if now - seen >= SEEN_PRECISION_SECONDS:
        request.session[SEEN] = now
    return False


def session_end(request: HttpRequest) -> None:
    logout(request)


def sessions_end_for(user: AbstractBaseUser) -> int:
    """End every session the user has open, wherever it is stored."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(
        StaffSession.objects.filter(user=user).values_list("session_key", flat=True)
    )
    for key in keys:
        store(session_key=key).delete()
    StaffSession.objects.filter(user=user).delete()
    return len(keys)
