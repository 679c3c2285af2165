"""The second factor: whether a staff member has one, and whether this session
has passed it.

allauth keeps, in the session, a record of each way the person proved who they are
since signing in; a password alone leaves only a "password" record. A factor set up
in this session counts as passed too: setting it up takes a valid code.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

FACTOR_SET_UP_HERE = "staff_factor_set_up"
# Kinds that prove possession on their own; recovery codes are a way back in, not a
# factor to set up.
FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def has_factor(user: AbstractBaseUser) -> bool:
    return Authenticator.objects.filter(user=user, type__in=FACTOR_TYPES).exists()


def factor_passed(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if request.session.get(FACTOR_SET_UP_HERE) == str(user.pk):
        return True
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)


def mark_factor_set_up(request: HttpRequest) -> None:
    request.session[FACTOR_SET_UP_HERE] = str(request.user.pk)
