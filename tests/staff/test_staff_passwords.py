"""Passwords: at least 12 characters, common ones refused, long passphrases
accepted, stored with Argon2."""

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import identify_hasher
from django.core.exceptions import ValidationError

from tests.staff.helpers import staff_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["short-pass1", "password1234", "123456789012"])
def test_short_common_and_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


def test_a_long_passphrase_is_accepted():
    password_validation.validate_password(
        "the olive trees of the old city remember us all"
    )


def test_passwords_are_stored_with_argon2():
    user = staff_member()
    assert identify_hasher(user.password).algorithm == "argon2"
