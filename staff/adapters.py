"""How allauth treats staff sign-in here.

- Nobody signs up: accounts are made by an administrator.
- The "IP" allauth keys its sender limit on is the sender's keyed hash
  (``newsportal.senders``), so no raw address reaches the cache.
- A password typed in the last few minutes counts as confirming it is you: a new
  staff member sets up the second factor straight after signing in, without typing
  the password twice.
- Every failed sign-in, and every attempt refused by the lock, is in the audit trail.
- A password is checked only in a free slot (``staff.password_checks``): beyond the
  few checks one app server runs at once, the answer is "busy, try again" at once,
  and the attempt counts as no failure.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from django import forms
from django.utils.translation import gettext_lazy as _

from newsportal.senders import sender_hash_for
from staff.password_checks import PasswordChecksBusy, password_check_slot
from staff.services import Action, audit_record

BUSY = _(
    "Many sign-ins are being checked right now. Please try again in a few seconds."
)


def _busy_error() -> forms.ValidationError:
    return forms.ValidationError(BUSY, code="password_checks_busy")


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        return "sender:" + sender_hash_for(request)

    def authenticate(self, request, **credentials):
        try:
            with password_check_slot():
                return super().authenticate(request, **credentials)
        except PasswordChecksBusy:
            raise _busy_error() from None

    def reauthenticate(self, user, password):
        try:
            with password_check_slot():
                return super().reauthenticate(user, password)
        except PasswordChecksBusy:
            raise _busy_error() from None

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError:
            audit_record(
                action=Action.LOCKOUT,
                by=None,
                username=credentials.get("username", ""),
                summary="Sign-in refused: too many failures.",
                request=request,
            )
            raise

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        audit_record(
            action=Action.LOGIN_FAILED,
            by=None,
            username=credentials.get("username", ""),
            summary="Wrong username or password.",
            request=request,
        )

    def is_reauthentication_required(self, *, app, **kwargs):
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        records = get_authentication_records(request, request.user)
        latest = max(
            (r["at"] for r in records if r.get("method") == "password"), default=0
        )
        return time.time() - latest >= account_settings.REAUTHENTICATION_TIMEOUT
