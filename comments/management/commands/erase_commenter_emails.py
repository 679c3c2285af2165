from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from comments.services import comment_erase_old_emails


class Command(BaseCommand):
    help = (
        "Erase commenters' e-mail addresses once the moderation decision is older than "
        "COMMENTS_EMAIL_RETENTION_DAYS. Schedule it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.COMMENTS_EMAIL_RETENTION_DAYS,
            help="Days to keep addresses after the decision (default: %(default)s).",
        )

    def handle(self, *args, days, **options):
        erased = comment_erase_old_emails(older_than=timedelta(days=days))
        self.stdout.write(
            f"Erased {erased} e-mail address(es) decided over {days} days ago."
        )
