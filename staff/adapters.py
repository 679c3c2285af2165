"""How allauth treats staff sign-in here.

- Nobody signs up: accounts are made by an administrator.
- The "IP" allauth keys its sender limit on is the sender's keyed hash
  (``newsportal.senders``), so no raw address reaches the cache.
- Every failed sign-in, and every attempt refused by the lock, is in the audit trail.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms

from newsportal.senders import sender_hash_for
from staff.services import Action, audit_record


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        return "sender:" + sender_hash_for(request)

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
