"""``manage.py clean_article_images``: images stored before uploads were cleaned
are stored again without metadata, with renditions; the old files go."""

import io
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import ExifTags, Image

from articles.images import rendition_name
from articles.models import Article
from tests.factories import ArticleFactory
from tests.photos import TELLTALES, camera_jpeg

pytestmark = pytest.mark.django_db


def stored_before_cleaning(data: bytes, name: str) -> Article:
    """An article whose file went into storage as uploaded, as before."""
    article = ArticleFactory()
    stored = default_storage.save(name, ContentFile(data))
    Article.objects.filter(pk=article.pk).update(image=stored)
    return Article.objects.get(pk=article.pk)


def read(name: str) -> bytes:
    with default_storage.open(name) as file:
        return file.read()


def clean_images() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("clean_article_images", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_old_image_is_stored_again_clean_with_renditions_and_the_old_file_goes(
    django_capture_on_commit_callbacks,
):
    old = stored_before_cleaning(camera_jpeg(1600, 900), "articles/2023/05/raw.jpg")
    assert all(telltale in read(old.image.name) for telltale in TELLTALES)

    with django_capture_on_commit_callbacks(execute=True):
        out, err = clean_images()

    assert (out, err) == ("Cleaned 1 of 1 images.\n", "")
    article = Article.objects.get(pk=old.pk)
    assert article.image.name != old.image.name
    assert article.image_renditions == [320, 480, 800, 1200]
    assert (article.image_width, article.image_height) == (1600, 900)
    assert not default_storage.exists(old.image.name)
    for name in [
        article.image.name,
        *(rendition_name(article.image.name, w) for w in article.image_renditions),
    ]:
        data = read(name)
        assert not Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not any(telltale in data for telltale in TELLTALES), name


def test_cleaned_images_are_left_alone_and_missing_files_are_reported():
    clean = ArticleFactory()
    clean.image.save("clean.jpg", ContentFile(camera_jpeg(640, 360)))
    missing = ArticleFactory()
    Article.objects.filter(pk=missing.pk).update(image="articles/2020/01/gone.jpg")

    out, err = clean_images()

    assert out == "Cleaned 0 of 1 images.\n"
    assert err == f"Article {missing.pk}: articles/2020/01/gone.jpg is missing.\n"
    assert Article.objects.get(pk=clean.pk).image.name == clean.image.name
    assert Article.objects.get(pk=missing.pk).image.name == "articles/2020/01/gone.jpg"
