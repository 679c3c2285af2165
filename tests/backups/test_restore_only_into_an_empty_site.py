"""Restore refuses a database that has articles, or a media folder that has files,
unless told to replace them with --force."""

from tests.backups.conftest import nothing_restored


def test_restore_into_a_database_with_articles_is_refused(backed_up):
    done = backed_up.site.manage("restore", str(backed_up.plain), check=False)
    assert done.returncode != 0
    assert "the database already has articles" in done.stderr
    assert "Nothing was restored" in done.stderr


def test_restore_into_a_media_folder_with_files_is_refused(backed_up, sites):
    target = sites.new()
    (target.media_root / "articles").mkdir(parents=True)
    (target.media_root / "articles" / "left-over.jpg").write_bytes(b"not ours")
    done = target.manage("restore", str(backed_up.plain), check=False)
    assert done.returncode != 0
    assert "already has files" in done.stderr
    assert target.table_count() == 0
    assert list(target.media_files()) == ["articles/left-over.jpg"]


def test_restore_into_a_freshly_migrated_database_needs_no_force(backed_up, sites):
    target = sites.new()
    target.manage("migrate", "--verbosity=0")
    target.manage("restore", str(backed_up.plain))
    assert len(target.describe()["articles"]) == 4


def test_force_replaces_what_a_database_holds(backed_up, sites):
    target = sites.new()
    target.manage("migrate", "--verbosity=0")
    target.run("-m", "tests.backups.site", "make")
    target.manage("restore", str(backed_up.plain), "--force")
    restored = target.describe()
    assert restored["articles"] == backed_up.before["articles"]
    assert len(restored["comments"]) == 5


def test_a_missing_backup_file_is_named(sites):
    target = sites.new()
    done = target.manage("restore", str(sites.folder / "nowhere.tar"), check=False)
    assert done.returncode != 0
    assert "no backup file at" in done.stderr
    assert nothing_restored(target)
