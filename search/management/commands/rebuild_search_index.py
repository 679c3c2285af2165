from django.core.management.base import BaseCommand

from articles.models import Article
from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Index every article anew (after a bulk load or an import that sent no"
        " save signals). Safe to run at any time."
    )

    def handle(self, *args, **options):
        count = rebuild_index(Article.objects.all())
        self.stdout.write(f"Indexed {count} articles.")
