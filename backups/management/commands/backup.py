import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.encryption import BackupKeyError, read_key_file
from backups.services import BackupFailed, backup_create


def key_option(parser) -> None:
    parser.add_argument(
        "--key-file",
        default=os.environ.get("BACKUP_KEY_FILE") or None,
        help="File holding the encryption key (default: $BACKUP_KEY_FILE).",
    )


def secret_from(key_file: str | None) -> bytes | None:
    if not key_file:
        return None
    try:
        return read_key_file(key_file)
    except BackupKeyError as error:
        raise CommandError(str(error)) from None


class Command(BaseCommand):
    help = (
        "Back up the database and every media file into one archive FILE (.tar,"
        " .tar.gz or .tar.xz), encrypted when a key file is given. Commenters'"
        " e-mail addresses past their retention are erased first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        key_option(parser)

    def handle(self, *args, file, key_file, **options):
        secret = secret_from(key_file)
        try:
            manifest = backup_create(path=file, secret=secret)
        except BackupFailed as error:
            raise CommandError(str(error)) from None
        counts = manifest["counts"]
        self.stdout.write(
            f"Backed up {counts['articles']} articles, {counts['comments']} comments"
            f" and {counts['media_files']} media files to {file}"
            f"{' (encrypted)' if secret else ''};"
            f" {manifest['emails_erased_before_backup']} e-mail address(es) past"
            " retention erased first."
        )
        if manifest["missing_media"]:
            self.stderr.write(
                "Warning: files the database names are missing from the media folder:"
                f" {', '.join(manifest['missing_media'][:10])}"
            )
