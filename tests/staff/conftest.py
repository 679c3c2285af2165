import pytest


@pytest.fixture
def fast_password_hashing(settings):
    # For tests that make staff users but are not about passwords: the real hasher
    # takes most of a second each time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
