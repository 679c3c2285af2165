"""One backup file: a tar (gzip or xz when the name says so) holding the database,
every media file and, last, manifest.json with a SHA-256 of every other member;
optionally encrypted as a whole (see backups.encryption)."""

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path
from typing import BinaryIO

from backups.encryption import EncryptingWriter, decrypt_file, is_encrypted

FORMAT = "newsportal-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
READ_BYTES = 1024 * 1024


class ArchiveInvalid(Exception):
    """The archive is not a newsportal backup, or a member does not match."""


def compression_for(path: Path) -> str:
    name = path.name.removesuffix(".enc")
    if name.endswith((".tar.gz", ".tgz")):
        return "gz"
    if name.endswith((".tar.xz", ".txz")):
        return "xz"
    return ""


def media_files(media_root: Path) -> list[tuple[Path, str]]:
    """Every regular file under ``media_root``, with its name inside the archive."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, _subfolders, names in os.walk(media_root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(media_root).as_posix()))
    return sorted(found, key=lambda item: item[1])


class _Hashing:
    """Reads a file through, keeping its SHA-256."""

    def __init__(self, file: BinaryIO):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add(tar: tarfile.TarFile, path: Path, member: str) -> dict:
    with open(path, "rb") as file:
        info = tar.gettarinfo(arcname=member, fileobj=file)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o644
        hashing = _Hashing(file)
        tar.addfile(info, hashing)
    return {"sha256": hashing.sha256.hexdigest(), "size": info.size}


def write(
    path: Path,
    *,
    secret: bytes | None,
    files: list[tuple[Path, str]],
    manifest: dict,
) -> dict:
    """Write ``files`` and the manifest (completed with their checksums) to
    ``path``, atomically: a failed backup leaves no file that looks complete."""
    partial = path.with_name(path.name + ".partial")
    members: dict[str, dict] = {}
    try:
        with open(partial, "wb") as raw:
            out = EncryptingWriter(raw, secret) if secret else raw
            with tarfile.open(fileobj=out, mode=f"w|{compression_for(path)}") as tar:
                for source, member in files:
                    members[member] = _add(tar, source, member)
                manifest = {**manifest, "members": members}
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))
            if secret:
                out.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def unpack(path: Path, *, secret: bytes | None, into: Path) -> dict:
    """Decrypt and unpack ``path`` into the folder ``into`` and check every member
    against the manifest; return the manifest. Raises before anything leaves
    ``into``."""
    tar_path = path
    if is_encrypted(path):
        if not secret:
            raise ArchiveInvalid(
                "this backup is encrypted: give its key with --key-file or"
                " BACKUP_KEY_FILE"
            )
        tar_path = into / "archive.tar"
        with open(path, "rb") as source, open(tar_path, "wb") as out:
            decrypt_file(source, out, secret)
    try:
        with tarfile.open(tar_path, "r:*") as tar:
            tar.extractall(into / "unpacked", filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise ArchiveInvalid(f"not a readable backup archive: {error}") from None
    finally:
        if tar_path != path:
            tar_path.unlink()
    return _verified(into / "unpacked")


def _verified(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise ArchiveInvalid(f"the archive has no readable manifest: {error}") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise ArchiveInvalid("not a newsportal backup of a format this code reads")
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file()
    } - {MANIFEST}
    listed = set(manifest["members"])
    if present != listed:
        raise ArchiveInvalid(
            f"the archive's members differ from its manifest: missing"
            f" {sorted(listed - present)[:5]}, unlisted {sorted(present - listed)[:5]}"
        )
    for member, expected in manifest["members"].items():
        if _sha256(folder / member) != expected["sha256"]:
            raise ArchiveInvalid(f"checksum mismatch for {member}: the file is damaged")
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(READ_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
