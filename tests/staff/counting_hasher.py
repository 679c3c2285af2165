"""Argon2 that counts its work, to show that a known and an unknown username cost
the same."""

from django.contrib.auth.hashers import Argon2PasswordHasher

calls: list[str] = []


class CountingArgon2Hasher(Argon2PasswordHasher):
    def encode(self, password, salt):
        calls.append("encode")
        return super().encode(password, salt)

    def verify(self, password, encoded):
        calls.append("verify")
        return super().verify(password, encoded)
