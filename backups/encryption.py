"""Encrypting a backup as one authenticated stream: AES-256-GCM in chunks.

The file is a header (magic, a random salt, a random nonce prefix) and then chunks of
``CHUNK_BYTES`` plaintext, each sealed with its own nonce: the prefix, the chunk's
number and a flag that is set on the last chunk only. Every chunk also authenticates
the header. So a flipped byte, a chunk dropped, repeated or moved, and a file cut short
or lengthened all fail to decrypt, as a wrong key does. The key is derived from the
operator's key file with HKDF-SHA256 and the file's own salt.
"""

import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"NPBKENC1"
SALT_BYTES = 16
PREFIX_BYTES = 7
HEADER_BYTES = len(MAGIC) + SALT_BYTES + PREFIX_BYTES
CHUNK_BYTES = 1024 * 1024
TAG_BYTES = 16
MIN_KEY_BYTES = 32


class BackupKeyError(Exception):
    """The key file cannot be used."""


class DecryptionFailed(Exception):
    """Wrong key, or the file was changed, cut short or lengthened."""


def read_key_file(path: str | os.PathLike) -> bytes:
    try:
        with open(path, "rb") as file:
            # A key copied through a password manager may lose or gain a line break.
            secret = file.read().strip()
    except OSError as error:
        raise BackupKeyError(f"cannot read the key file {path}: {error}") from None
    if len(secret) < MIN_KEY_BYTES:
        raise BackupKeyError(
            f"the key file {path} holds {len(secret)} bytes; it needs at least "
            f"{MIN_KEY_BYTES} random bytes (e.g. `openssl rand -base64 32 > {path}`)"
        )
    return secret


def is_encrypted(path: str | os.PathLike) -> bool:
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def _cipher(secret: bytes, salt: bytes) -> AESGCM:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"newsportal backup v1"
    ).derive(secret)
    return AESGCM(key)


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only file object that encrypts what is written to ``out``."""

    def __init__(self, out: BinaryIO, secret: bytes):
        salt, self._prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
        self._header = MAGIC + salt + self._prefix
        self._cipher = _cipher(secret, salt)
        self._out = out
        self._buffer = bytearray()
        self._number = 0
        out.write(self._header)

    def write(self, data) -> int:
        self._buffer += data
        # A full chunk is sealed only once more follows, so that the last one is known.
        while len(self._buffer) > CHUNK_BYTES:
            self._seal(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def close(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        if self._number >= 2**32:
            raise ValueError("backup too large for one encrypted stream")
        nonce = _nonce(self._prefix, self._number, last)
        self._out.write(self._cipher.encrypt(nonce, chunk, self._header))
        self._number += 1


def decrypt_file(source: BinaryIO, out: BinaryIO, secret: bytes) -> None:
    """Decrypt ``source`` into ``out``; raise DecryptionFailed unless every chunk,
    the last one included, is authentic. What was written to ``out`` before a
    failure must be thrown away by the caller."""
    header = source.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        raise DecryptionFailed("not an encrypted newsportal backup")
    salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    prefix = header[len(MAGIC) + SALT_BYTES :]
    cipher = _cipher(secret, salt)
    sealed = source.read(CHUNK_BYTES + TAG_BYTES)
    number = 0
    while True:
        following = source.read(CHUNK_BYTES + TAG_BYTES)
        last = not following
        try:
            out.write(cipher.decrypt(_nonce(prefix, number, last), sealed, header))
        except InvalidTag:
            raise DecryptionFailed(
                "the backup cannot be decrypted: wrong key, or the file was changed,"
                " cut short or lengthened"
            ) from None
        if last:
            return
        sealed, number = following, number + 1
