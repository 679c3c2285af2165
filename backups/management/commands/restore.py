from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import ArchiveInvalid
from backups.databases import DatabaseToolFailed
from backups.encryption import DecryptionFailed
from backups.management.commands.backup import key_option, secret_from
from backups.services import RestoreRefused, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and an"
        " empty media folder. Every member is checked before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        key_option(parser)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database's content even if it has articles, and write"
            " over files in the media folder.",
        )

    def handle(self, *args, file, key_file, force, **options):
        if not file.is_file():
            raise CommandError(f"no backup file at {file}")
        try:
            restored = backup_restore(
                path=file, secret=secret_from(key_file), force=force
            )
        except (RestoreRefused, ArchiveInvalid, DecryptionFailed) as error:
            raise CommandError(f"{error}. Nothing was restored.") from None
        except DatabaseToolFailed as error:
            raise CommandError(
                f"{error}. The database was left as it was; no media file was written."
            ) from None
        self.stdout.write(
            f"Restored the backup of {restored['created_at']}:"
            f" {restored['articles']} articles, {restored['comments']} comments,"
            f" {restored['media_files']} media files;"
            f" {restored['emails_erased_after_restore']} e-mail address(es) past"
            " retention erased since."
        )
        if restored["pending_migrations"]:
            self.stdout.write(
                f"{len(restored['pending_migrations'])} migration(s) are newer than the"
                " backup: run `manage.py migrate` now, then"
                " `manage.py erase_commenter_emails`."
            )
