"""Backup, wipe, restore: a new empty database and media folder get back the same
articles, comments (minus the e-mail addresses past their retention), images byte for
byte and staff second factors, and the pages render."""

import json
import subprocess
import tarfile

from tests.backups.site import OLD_DECISION_DAYS


def expected_after_restore(before: dict) -> dict:
    after = json.loads(json.dumps(before))
    for comment in after["comments"]:
        if comment["body"] == "Decided long ago.":
            comment["email"] = ""
    return after


def test_restore_into_an_empty_site_gives_back_articles_comments_and_images(
    backed_up, restored
):
    target, output, restored = restored
    assert "4 articles, 5 comments" in output
    assert restored["articles"] == backed_up.before["articles"]
    assert restored["comments"] == expected_after_restore(backed_up.before)["comments"]
    assert target.media_files() == backed_up.media
    assert len(backed_up.media) >= 3 * 2  # each picture with its renditions


def test_restored_article_pages_answer_with_their_titles_and_pictures(
    backed_up, restored
):
    pages = restored[2]["pages"]
    assert pages == backed_up.before["pages"]
    assert len(pages) == 4
    for article in backed_up.before["articles"]:
        page = pages[article["slug"]]
        assert page["status"] == 200
        assert page["heading"] == article["title"]
    assert sum(bool(page["images"]) for page in pages.values()) == 3


def dumped_text(archive, folder) -> str:
    """The dumped database as text (pg_dump's custom format is compressed)."""
    with tarfile.open(archive) as tar:
        member = json.load(tar.extractfile("manifest.json"))["database"]["member"]
        dump = folder / "dump"
        dump.write_bytes(tar.extractfile(member).read())
    if member.endswith(".db"):
        return dump.read_bytes().decode("latin-1")
    return subprocess.run(
        ["pg_restore", "--data-only", "--file=-", str(dump)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_an_address_past_its_retention_is_erased_before_the_dump(
    backed_up, restored, tmp_path
):
    before = {c["body"]: c["email"] for c in backed_up.before["comments"]}
    assert before["Decided long ago."], "the old comment had an address to erase"
    emails = {c["body"]: c["email"] for c in restored[2]["comments"]}
    assert emails["Decided long ago."] == ""
    assert emails["Approved, with an e-mail."] == before["Approved, with an e-mail."]
    assert emails["Waiting, with an e-mail."] == before["Waiting, with an e-mail."]
    assert emails["Rejected yesterday."] == before["Rejected yesterday."]
    database = dumped_text(backed_up.plain, tmp_path)
    assert before["Decided long ago."] not in database
    assert before["Approved, with an e-mail."] in database
    assert OLD_DECISION_DAYS > 30


def test_a_restore_erases_addresses_whose_retention_has_passed_since_the_backup(
    backed_up, sites
):
    target = sites.new()
    # As if the retention had passed for yesterday's decision by the time of the
    # restore (the retention is shortened instead of the clock moved on).
    done = target.manage(
        "restore", str(backed_up.plain), COMMENTS_EMAIL_RETENTION_DAYS="0"
    )
    assert "1 e-mail address(es) past retention erased since" in done.stdout
    emails = {c["body"]: c["email"] for c in target.describe()["comments"]}
    assert emails["Rejected yesterday."] == ""
    assert emails["Approved, with an e-mail."] != ""


def test_staff_second_factors_survive_the_restore(backed_up, restored):
    assert backed_up.before["editor_totp_accepts_code"] is True
    assert restored[2]["editor_totp_accepts_code"] is True


def test_the_manifest_lists_every_member_with_its_checksum_and_migrations(backed_up):
    with tarfile.open(backed_up.plain) as tar:
        names = [member.name for member in tar.getmembers()]
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert sorted(manifest["members"]) == sorted(names[:-1])
    assert {
        name.removeprefix("media/") for name in names if name.startswith("media/")
    } == set(backed_up.media)
    assert all(len(entry["sha256"]) == 64 for entry in manifest["members"].values())
    assert manifest["format"] == "newsportal-backup"
    assert manifest["version"] == 1
    assert manifest["database"]["engine"] in {"sqlite", "postgresql"}
    assert "0001_initial" in manifest["migrations"]["articles"]
    assert manifest["counts"] == {
        "articles": 4,
        "comments": 5,
        "media_files": len(backed_up.media),
    }
    assert manifest["missing_media"] == []
