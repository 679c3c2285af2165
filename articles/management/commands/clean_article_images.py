from django.core.management.base import BaseCommand

from articles import services
from articles.images import UnsafeImageError
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Store every article image saved before uploads were cleaned the way they "
        "are now: without metadata (GPS position, camera serial, times, XMP, "
        "colour profile), upright, with WebP renditions. Each clean copy gets a new "
        "name and the old file is deleted. Safe to run again: cleaned images are "
        "skipped."
    )

    def handle(self, *args: object, **options: object) -> None:
        pending = list(
            Article.objects.exclude(image="")
            .filter(image_renditions=[])
            .values_list("pk", flat=True)
        )
        cleaned = 0
        for pk in pending:
            article = Article.objects.get(pk=pk)
            try:
                services.article_image_clean(article=article)
            except FileNotFoundError:
                self.stderr.write(f"Article {pk}: {article.image.name} is missing.")
            except UnsafeImageError as error:
                self.stderr.write(f"Article {pk}: {article.image.name}: {error}.")
            else:
                cleaned += 1
        self.stdout.write(f"Cleaned {cleaned} of {len(pending)} images.")
