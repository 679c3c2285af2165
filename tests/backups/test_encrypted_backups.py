"""An encrypted backup restores with its key; a wrong key or a changed byte fails
with a clear message, and nothing is restored."""

import base64
import os

from tests.backups.conftest import nothing_restored

MIDDLE = 0.5


def flipped_copy(source, folder, at: float = MIDDLE):
    data = bytearray(source.read_bytes())
    data[int(len(data) * at)] ^= 0x01
    damaged = folder / f"damaged-{source.name}"
    damaged.write_bytes(bytes(data))
    return damaged


def test_the_encrypted_file_shows_nothing_of_what_it_holds(backed_up):
    data = backed_up.encrypted.read_bytes()
    assert data.startswith(b"NPBKENC1")
    assert b"manifest.json" not in data
    assert b"Restored story" not in data


def test_an_encrypted_backup_restores_with_its_key(backed_up, sites):
    target = sites.new()
    target.manage("restore", str(backed_up.encrypted), "--key-file", str(backed_up.key))
    restored = target.describe()
    assert restored["articles"] == backed_up.before["articles"]
    assert target.media_files() == backed_up.media


def test_the_key_may_come_from_backup_key_file(backed_up, sites, monkeypatch):
    monkeypatch.setenv("BACKUP_KEY_FILE", str(backed_up.key))
    target = sites.new()
    environment_key = target.run(
        "-c",
        "import os, sys, subprocess;"
        f" os.environ['BACKUP_KEY_FILE'] = {str(backed_up.key)!r};"
        " sys.exit(subprocess.run([sys.executable, 'manage.py', 'restore',"
        f" {str(backed_up.encrypted)!r}]).returncode)",
    )
    assert environment_key.returncode == 0
    assert len(target.describe()["articles"]) == 4


def test_a_wrong_key_fails_and_restores_nothing(backed_up, sites):
    wrong = sites.folder / "wrong.key"
    wrong.write_bytes(base64.b64encode(os.urandom(32)))
    target = sites.new()
    done = target.manage(
        "restore", str(backed_up.encrypted), "--key-file", str(wrong), check=False
    )
    assert done.returncode != 0
    assert "cannot be decrypted: wrong key" in done.stderr
    assert "Nothing was restored" in done.stderr
    assert nothing_restored(target)


def test_an_encrypted_backup_without_a_key_is_refused(backed_up, sites):
    target = sites.new()
    done = target.manage("restore", str(backed_up.encrypted), check=False)
    assert done.returncode != 0
    assert "this backup is encrypted" in done.stderr
    assert nothing_restored(target)


def test_a_flipped_byte_in_an_encrypted_backup_fails_and_restores_nothing(
    backed_up, sites
):
    for at in (0.01, 0.999):
        damaged = flipped_copy(backed_up.encrypted, sites.folder, at)
        target = sites.new()
        done = target.manage(
            "restore", str(damaged), "--key-file", str(backed_up.key), check=False
        )
        assert done.returncode != 0, at
        assert "the file was changed" in done.stderr
        assert nothing_restored(target)


def test_a_cut_short_encrypted_backup_fails_and_restores_nothing(backed_up, sites):
    data = backed_up.encrypted.read_bytes()
    cut = sites.folder / "cut.tar.enc"
    cut.write_bytes(data[: len(data) - 100])
    target = sites.new()
    done = target.manage(
        "restore", str(cut), "--key-file", str(backed_up.key), check=False
    )
    assert done.returncode != 0
    assert nothing_restored(target)
