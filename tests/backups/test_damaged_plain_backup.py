"""An unencrypted backup is checked against its manifest's checksums before anything
is written: a changed byte in any member fails, and nothing is restored."""

import json
import tarfile

from tests.backups.conftest import nothing_restored


def test_a_flipped_byte_in_a_member_fails_the_checksums_and_restores_nothing(
    backed_up, sites
):
    plain = sites.folder / "site.tar"
    backed_up.site.manage("backup", str(plain))
    with tarfile.open(plain) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        picture = next(m for m in tar.getmembers() if m.name.endswith(".jpg"))
    data = bytearray(plain.read_bytes())
    data[picture.offset_data + picture.size // 2] ^= 0x01
    plain.write_bytes(bytes(data))
    target = sites.new()
    done = target.manage("restore", str(plain), check=False)
    assert done.returncode != 0
    assert f"checksum mismatch for {picture.name}" in done.stderr
    assert "Nothing was restored" in done.stderr
    assert nothing_restored(target)
    assert picture.name in manifest["members"]
