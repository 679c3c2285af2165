"""manage.py verify_static DIR --allowed-signers FILE: is this copy the newsroom's?"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from staticcopy import signing


class Command(BaseCommand):
    help = (
        "Check a static copy: its SHA256SUMS signature against the allowed signers, "
        "then every file against SHA256SUMS (changed, missing or extra files fail)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--allowed-signers",
            type=Path,
            required=True,
            help="the newsroom's allowed_signers file, got from a source you trust",
        )

    def handle(self, *args, directory: Path, allowed_signers: Path, **options):
        if not allowed_signers.is_file():
            raise CommandError(f"{allowed_signers} is not a file.")
        try:
            signer = signing.verify_signature(
                directory, allowed_signers=allowed_signers
            )
        except signing.SigningError as error:
            raise CommandError(f"Bad signature: {error}") from error
        problems = signing.manifest_problems(directory)
        if problems:
            raise CommandError(
                "Files do not match the manifest:\n" + "\n".join(problems)
            )
        self.stdout.write(
            f"{directory}: signature by {signer} good; every file matches."
        )
