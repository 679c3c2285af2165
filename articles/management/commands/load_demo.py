from django.core.management.base import BaseCommand

from articles.demo import load_demo_content


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo content (The Orontes Dispatch) and demo "
        "editor and moderator accounts. Does nothing if any article exists."
    )

    def handle(self, *args: object, **options: object) -> None:
        load_demo_content(stdout=self.stdout)
