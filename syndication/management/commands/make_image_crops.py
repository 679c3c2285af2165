"""Make the structured-data crops (16:9, 4:3, 1:1) of images stored before they
existed, from the stored originals."""

from django.core.management.base import BaseCommand
from PIL import Image

from articles.images import crop_name, crop_sizes, make_crops
from articles.models import Article


class Command(BaseCommand):
    help = "Make missing 16:9, 4:3 and 1:1 crops of articles' main images."

    def handle(self, *args, **options):
        made = 0
        articles = Article.objects.exclude(image="").only(
            "pk", "image", "image_width", "image_height"
        )
        for article in articles.iterator():
            storage, name = article.image.storage, article.image.name
            wanted = crop_sizes(article.image_width or 0, article.image_height or 0)
            if all(storage.exists(crop_name(name, c.ratio)) for c in wanted):
                continue
            if not storage.exists(name):
                self.stderr.write(f"article {article.pk}: {name} is missing")
                continue
            with storage.open(name) as file, Image.open(file) as image:
                image.load()
                make_crops(
                    image.convert("RGB")
                    if image.mode not in {"RGB", "RGBA", "L"}
                    else image,
                    storage,
                    name,
                )
            made += 1
        self.stdout.write(f"Made the crops of {made} image(s).")
