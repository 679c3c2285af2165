from django.core.management.base import BaseCommand

from readership.counting import flush_readings


class Command(BaseCommand):
    help = (
        "Write the readings counted in the readers' cache (Redis) to the database."
        " Requests do this every READERSHIP_FLUSH_SECONDS already; run it from a"
        " timer on a quiet site, or before a restart."
    )

    def handle(self, *args, **options):
        written = flush_readings()
        self.stdout.write(f"Wrote {written} readings.")
