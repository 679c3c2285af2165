"""Settings of `make bench-login`'s runs without the low-priority hasher: the
project's own, with Argon2 computed at normal priority as before staff.hashers."""

from newsportal.settings import *  # noqa: F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
