import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Staff users are created in many tests; the real hasher takes most of a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
