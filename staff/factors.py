"""The second factor: whether a staff member has one, and whether this session
has passed it.

allauth keeps, in the session, a record of each way the person proved who they are
since signing in; a password alone leaves only a "password" record. A factor set up
after this session's password counts as passed too: setting it up takes a valid code
(or a security key's answer).
"""

from datetime import UTC, datetime

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

# Kinds that prove possession on their own; recovery codes are a way back in, not a
# factor to set up.
FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def factors_of(user: AbstractBaseUser):
    return Authenticator.objects.filter(user=user, type__in=FACTOR_TYPES)


def has_factor(user: AbstractBaseUser) -> bool:
    return factors_of(user).exists()


def factor_passed(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    signed_in = [r["at"] for r in records if r.get("method") == "password"]
    if not signed_in:
        return False
    since = datetime.fromtimestamp(max(signed_in), tz=UTC)
    return factors_of(user).filter(created_at__gte=since).exists()
