"""Taking a backup and restoring one (see the README's "Backups and restore")."""

import json
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from articles.images import stored_names
from articles.models import Article
from backups import archive, databases
from comments.models import Comment
from comments.services import comment_erase_old_emails
from readercache import shared as reader_cache


class BackupFailed(Exception):
    pass


class RestoreRefused(Exception):
    pass


def _erase_emails_past_retention() -> int:
    return comment_erase_old_emails(
        older_than=timedelta(days=settings.COMMENTS_EMAIL_RETENTION_DAYS)
    )


def backup_create(*, path: Path, secret: bytes | None) -> dict:
    """Write a backup of the database and every media file to ``path``; return its
    manifest. Addresses past their retention are erased first, so none is kept."""
    erased = _erase_emails_past_retention()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="newsportal-backup-") as folder:
        dump = Path(folder) / "database"
        try:
            with databases.dumped(dump) as query:
                facts = _dumped_facts(query)
                # Files are read after the dump: an image saved meanwhile is extra,
                # harmless; one the dump names that is gone by now is reported.
                files = archive.media_files(media_root)
        except (databases.DatabaseToolFailed, DatabaseError, OSError) as error:
            raise BackupFailed(f"the database could not be dumped: {error}") from None
        names = {name for _path, name in files}
        manifest = {
            "format": archive.FORMAT,
            "version": archive.FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {
                "engine": databases.engine(),
                "member": databases.MEMBER[databases.engine()],
            },
            "migrations": facts["migrations"],
            "counts": {**facts["counts"], "media_files": len(files)},
            "emails_erased_before_backup": erased,
            "email_retention_days": settings.COMMENTS_EMAIL_RETENTION_DAYS,
            "missing_media": sorted(facts["media"] - names),
            "encrypted": secret is not None,
        }
        members = [(dump, databases.MEMBER[databases.engine()])]
        members += [(p, archive.MEDIA_PREFIX + name) for p, name in files]
        try:
            return archive.write(path, secret=secret, files=members, manifest=manifest)
        except OSError as error:
            raise BackupFailed(f"the backup could not be written: {error}") from None


def _dumped_facts(query: databases.Query) -> dict:
    articles, comments = Article._meta.db_table, Comment._meta.db_table
    image = Article._meta.get_field("image").column
    widths = Article._meta.get_field("image_renditions").column
    migrations: dict[str, list[str]] = {}
    for app, name in query("SELECT app, name FROM django_migrations"):
        migrations.setdefault(app, []).append(name)
    media = set()
    for name, renditions in query(
        f"SELECT {image}, {widths} FROM {articles} WHERE {image} <> ''"  # noqa: S608
    ):
        if isinstance(renditions, str):
            renditions = json.loads(renditions)
        media.update(stored_names(name, renditions or []))
    return {
        "migrations": {app: sorted(names) for app, names in sorted(migrations.items())},
        "counts": {
            "articles": query(f"SELECT COUNT(*) FROM {articles}")[0][0],  # noqa: S608
            "comments": query(f"SELECT COUNT(*) FROM {comments}")[0][0],  # noqa: S608
        },
        "media": media,
    }


def backup_restore(*, path: Path, secret: bytes | None, force: bool) -> dict:
    """Put the backup at ``path`` back into this site's (empty) database and media
    folder; return what was restored. Nothing is changed unless the whole archive
    decrypts and every member matches its checksum."""
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        _refuse_unless_empty(media_root)
    with tempfile.TemporaryDirectory(prefix="newsportal-restore-") as folder:
        manifest = archive.unpack(path, secret=secret, into=Path(folder))
        unpacked = Path(folder) / "unpacked"
        if manifest["database"]["engine"] != databases.engine():
            raise RestoreRefused(
                f"this is a {manifest['database']['engine']} backup; the configured"
                f" database is {databases.engine()}"
            )
        unknown, pending = _migration_differences(manifest["migrations"])
        if unknown and not force:
            raise RestoreRefused(
                "the backup has migrations this code does not know (it was made by a"
                f" newer newsportal): {unknown[:5]}; upgrade the code first, or use"
                " --force"
            )
        databases.restore(unpacked / manifest["database"]["member"])
        moved = _move_media(unpacked / archive.MEDIA_PREFIX, media_root)
    # Pages cached from what the database held before must not outlive it.
    reader_cache.store().clear()
    # An old backup still holds addresses whose retention has passed since.
    erased = _erase_emails_past_retention() if not pending else 0
    return {
        "emails_erased_after_restore": erased,
        "articles": Article.objects.count(),
        "comments": Comment.objects.count(),
        "media_files": moved,
        "expected": manifest["counts"],
        "pending_migrations": pending,
        "created_at": manifest["created_at"],
    }


def _refuse_unless_empty(media_root: Path) -> None:
    try:
        has_articles = (
            Article._meta.db_table in connection.introspection.table_names()
            and Article.objects.exists()
        )
    except DatabaseError as error:
        raise RestoreRefused(
            f"cannot reach the database (create it first, empty): {error}"
        ) from None
    if has_articles:
        raise RestoreRefused(
            "the database already has articles: restore only into an empty database,"
            " or use --force to replace what it holds"
        )
    if archive.media_files(media_root):
        raise RestoreRefused(
            f"the media folder {media_root} already has files: restore only into an"
            " empty media folder, or use --force"
        )


def _migration_differences(applied: dict[str, list[str]]) -> tuple[list, list]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    backed_up = {(app, name) for app, names in applied.items() for name in names}
    unknown = sorted(f"{app}.{name}" for app, name in backed_up - known)
    pending = sorted(f"{app}.{name}" for app, name in known - backed_up)
    return unknown, pending


def _move_media(source: Path, media_root: Path) -> int:
    moved = 0
    for path, name in archive.media_files(source):
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        moved += 1
    return moved
