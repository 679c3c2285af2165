"""Signing staff in, for tests.

``force_login`` in these tests means "signed in in full": the person has a second
factor and this session has passed it, as after the real sign-in pages. Tests of the
sign-in itself use a plain ``django.test.Client`` and the real pages instead.
"""

import time

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.http import HttpRequest
from django.test import Client

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    counter = int((time.time() if at is None else at) // 30)
    return format_hotp_value(hotp_value(secret, counter))


def give_totp(user, secret: str = TOTP_SECRET) -> Authenticator:
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
    return existing.first() or TOTP.activate(user, secret).instance


def pass_factor_in_session(client: Client, user) -> None:
    """What the second-factor page records in the session on success."""
    authenticator = give_totp(user)
    session = client.session
    request = HttpRequest()
    request.session = session
    record_authentication(request, user, "password", username=user.get_username())
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type
    )
    session.save()


class SignedInClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user.is_staff:
            pass_factor_in_session(self, user)
