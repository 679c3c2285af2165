"""The copy's SHA256SUMS lists every file and verifies with sha256sum -c; its
signature verifies with ssh-keygen against the published allowed_signers; a flipped
byte, a missing or an added file fails verification."""

import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from staticcopy.signing import NAMESPACE


def sha256sum_check(directory) -> int:
    return subprocess.run(
        ["sha256sum", "--check", "--quiet", "--strict", "SHA256SUMS"],
        cwd=directory,
        capture_output=True,
    ).returncode


def verify(directory, allowed_signers) -> None:
    call_command(
        "verify_static", str(directory), "--allowed-signers", str(allowed_signers)
    )


@pytest.fixture
def trusted_signers(exported, tmp_path):
    """The allowed_signers file as a mirror would keep it, outside the copy."""
    kept = tmp_path / "trusted_allowed_signers"
    kept.write_bytes((exported / "allowed_signers").read_bytes())
    return kept


@pytest.mark.django_db
def test_manifest_lists_every_file_and_verifies(exported, trusted_signers):
    listed = {
        line.split("  ", 1)[1]
        for line in (exported / "SHA256SUMS").read_text().splitlines()
    }
    files = {
        p.relative_to(exported).as_posix() for p in exported.rglob("*") if p.is_file()
    }
    assert listed == files - {"SHA256SUMS", "SHA256SUMS.sig"}
    assert sha256sum_check(exported) == 0
    verify(exported, trusted_signers)


@pytest.mark.django_db
def test_signature_verifies_with_ssh_keygen_alone(exported):
    signers = exported / "allowed_signers"
    principal = signers.read_text().split()[0]
    with (exported / "SHA256SUMS").open("rb") as manifest:
        done = subprocess.run(
            ["ssh-keygen", "-Y", "verify", "-f", str(signers), "-I", principal,
             "-n", NAMESPACE, "-s", str(exported / "SHA256SUMS.sig")],
            stdin=manifest,
            capture_output=True,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db
def test_a_flipped_byte_fails_verification(exported, trusted_signers):
    page = exported / "en" / "index.html"
    body = bytearray(page.read_bytes())
    body[100] ^= 0x01
    page.write_bytes(bytes(body))
    assert sha256sum_check(exported) != 0
    with pytest.raises(CommandError, match="changed: en/index.html"):
        verify(exported, trusted_signers)


@pytest.mark.django_db
def test_an_edited_manifest_fails_the_signature(exported, trusted_signers):
    manifest = exported / "SHA256SUMS"
    manifest.write_text(manifest.read_text().replace("a", "b", 1))
    with pytest.raises(CommandError, match="Bad signature"):
        verify(exported, trusted_signers)


@pytest.mark.django_db
def test_an_added_or_missing_file_fails_verification(exported, trusted_signers):
    (exported / "en" / "planted.html").write_text("<p>not ours</p>")
    with pytest.raises(CommandError, match="not in the manifest: en/planted.html"):
        verify(exported, trusted_signers)
    (exported / "en" / "planted.html").unlink()
    (exported / "ar" / "index.html").unlink()
    with pytest.raises(CommandError, match="missing: ar/index.html"):
        verify(exported, trusted_signers)


@pytest.mark.django_db
def test_another_key_is_not_trusted(exported, tmp_path, signing_key):
    stranger = tmp_path / "stranger"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True
    )
    public = (tmp_path / "stranger.pub").read_text().split()
    signers = tmp_path / "stranger_signers"
    signers.write_text(f'someone namespaces="{NAMESPACE}" {public[0]} {public[1]}\n')
    with pytest.raises(CommandError, match="Bad signature"):
        verify(exported, signers)


@pytest.mark.django_db
def test_export_refuses_without_a_key_and_into_a_foreign_folder(site, tmp_path):
    with pytest.raises(CommandError, match="No signing key"):
        call_command("export_static", str(tmp_path / "copy"))
    foreign = tmp_path / "home"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="holds files but no SHA256SUMS"):
        call_command("export_static", str(foreign), "--key", str(site.key))
    assert (foreign / "notes.txt").read_text() == "mine"


@pytest.mark.django_db
def test_export_refuses_a_site_url_the_site_would_not_answer(site, settings, tmp_path):
    settings.ALLOWED_HOSTS = ["other.example.org"]
    with pytest.raises(CommandError, match="not in DJANGO_ALLOWED_HOSTS"):
        call_command("export_static", str(tmp_path / "c"), "--key", str(site.key))
