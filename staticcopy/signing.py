"""The copy's manifest and its signature.

``SHA256SUMS`` lists every file of the copy with its SHA-256, in the format of
coreutils' ``sha256sum`` (so ``sha256sum -c SHA256SUMS`` checks a copy anywhere).
``SHA256SUMS.sig`` is OpenSSH's detached signature of it (``ssh-keygen -Y sign``,
namespace ``newsportal-export``), made with a key the newsroom holds; the public
half is published as ``allowed_signers`` for readers and mirrors, who should get it
from somewhere other than the copy itself (the newsroom's social accounts, a
printed card) before trusting it.
"""

import hashlib
import subprocess
from pathlib import Path

MANIFEST = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
ALLOWED_SIGNERS = "allowed_signers"
NAMESPACE = "newsportal-export"
NOT_IN_MANIFEST = {MANIFEST, SIGNATURE}
SSH_KEYGEN_SECONDS = 60


class SigningError(Exception):
    pass


def digest_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def files_of(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).as_posix() not in NOT_IN_MANIFEST
    )


def write_manifest(root: Path) -> int:
    """Write ``SHA256SUMS`` over every file of the copy; the number of files."""
    names = files_of(root)
    lines = [f"{digest_of(root / name)}  {name}\n" for name in names]
    (root / MANIFEST).write_text("".join(lines), encoding="utf-8")
    return len(names)


def manifest_problems(root: Path) -> list[str]:
    """What does not match the manifest: changed, missing and unlisted files."""
    manifest = root / MANIFEST
    if not manifest.is_file():
        return [f"{MANIFEST} is missing"]
    listed = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _spaces, name = line.partition("  ")
        listed[name] = digest
    problems = []
    for name, digest in listed.items():
        path = root / name
        if not path.is_file():
            problems.append(f"missing: {name}")
        elif digest_of(path) != digest:
            problems.append(f"changed: {name}")
    problems += [f"not in the manifest: {n}" for n in files_of(root) if n not in listed]
    return problems


def _ssh_keygen(*arguments: str, stdin: bytes | None = None) -> str:
    try:
        done = subprocess.run(
            ["ssh-keygen", *arguments],
            # Never a prompt: a key with a passphrase is used through ssh-agent.
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=SSH_KEYGEN_SECONDS,
        )
    except FileNotFoundError as error:
        raise SigningError("ssh-keygen (OpenSSH) is not installed") from error
    if done.returncode != 0:
        message = (done.stderr or done.stdout).decode(errors="replace").strip()
        raise SigningError(message or f"ssh-keygen {arguments[0]} failed")
    return done.stdout.decode(errors="replace")


def publish_allowed_signers(root: Path, *, key: Path, principal: str) -> None:
    """Write the key's public half as an ``allowed_signers`` line. ``key`` may be
    a public key whose private half is in ssh-agent (a key with a passphrase)."""
    if key.suffix == ".pub":
        public = key.read_text(encoding="utf-8").split()
    else:
        public = _ssh_keygen("-y", "-f", str(key)).split()
    line = f'{principal} namespaces="{NAMESPACE}" {public[0]} {public[1]}\n'
    (root / ALLOWED_SIGNERS).write_text(line, encoding="utf-8")


def sign_manifest(root: Path, *, key: Path) -> None:
    signature = root / SIGNATURE
    signature.unlink(missing_ok=True)
    _ssh_keygen(
        "-Y", "sign", "-q", "-f", str(key), "-n", NAMESPACE, str(root / MANIFEST)
    )


def verify_signature(root: Path, *, allowed_signers: Path) -> str:
    """Check ``SHA256SUMS.sig`` against the allowed signers; the signer's name."""
    signature = root / SIGNATURE
    if not signature.is_file():
        raise SigningError(f"{SIGNATURE} is missing")
    found = _ssh_keygen(
        "-Y", "find-principals", "-s", str(signature), "-f", str(allowed_signers)
    )
    principal = found.split()[0]
    _ssh_keygen(
        "-Y", "verify", "-f", str(allowed_signers), "-I", principal,
        "-n", NAMESPACE, "-s", str(signature),
        stdin=(root / MANIFEST).read_bytes(),
    )  # fmt: skip
    return principal
