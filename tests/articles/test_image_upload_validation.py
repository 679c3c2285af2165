"""The admin refuses uploads that are not images, are damaged, are of another
format or would decompress into more pixels than is safe, each with a message an
editor can act on; a good photo is stored clean, with its renditions."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.images import UnsafeImageError, rendition_name
from articles.models import Article
from tests.articles.test_body_sanitisation import admin_add_form
from tests.factories import ArticleFactory, SectionFactory
from tests.photos import TELLTALES, camera_jpeg, encoded, plain_jpeg

pytestmark = pytest.mark.django_db


def post_with_image(admin_client, data: bytes, name: str):
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form["image"] = SimpleUploadedFile(name, data)
    return admin_client.post(reverse("admin:articles_article_add"), form)


def image_errors(response) -> list[str]:
    assert response.status_code == 200, "the form was accepted"
    return list(response.context["adminform"].form.errors.get("image", []))


def test_admin_stores_a_camera_photo_without_metadata_and_with_renditions(
    admin_client,
):
    response = post_with_image(admin_client, camera_jpeg(1600, 900), "IMG_0042.JPG")

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.image.name.endswith(".jpg")
    assert "IMG_0042" not in article.image.name
    assert (article.image_width, article.image_height) == (1600, 900)
    assert article.image_renditions == [320, 480, 800, 1200]
    for name in [
        article.image.name,
        *(rendition_name(article.image.name, w) for w in (320, 480, 800, 1200)),
    ]:
        with default_storage.open(name) as file:
            data = file.read()
        assert not any(telltale in data for telltale in TELLTALES), name


def test_admin_refuses_a_file_that_is_not_an_image(admin_client):
    response = post_with_image(admin_client, b"<html><script>x</script>", "photo.jpg")

    assert image_errors(response) == [
        "This file is not an image that can be read. Upload a JPEG, PNG or WebP photo."
    ]
    assert not Article.objects.exists()


def test_admin_refuses_a_damaged_photo(admin_client):
    whole = plain_jpeg(800, 450)

    response = post_with_image(admin_client, whole[: len(whole) // 2], "cut.jpg")

    assert image_errors(response) == [
        "This file is not an image that can be read. Upload a JPEG, PNG or WebP photo."
    ]


def test_admin_refuses_other_image_formats_by_name(admin_client):
    gif = encoded(Image.new("P", (300, 200)), "GIF")

    response = post_with_image(admin_client, gif, "animation.gif")

    assert image_errors(response) == [
        "This is a GIF image. Upload a JPEG, PNG or WebP photo."
    ]


# Pillow's own warning on opening the first; the form turns it into the error.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    "size",
    [(1500, 1000), (3000, 1000)],
    ids=["over-the-limit", "over-twice-the-limit"],
)
def test_admin_refuses_a_decompression_bomb(admin_client, monkeypatch, size):
    # Pillow warns above its limit and refuses above twice it; both are refused.
    # The limit is lowered so that the test need not build a real bomb.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    png = encoded(Image.new("L", size), "PNG")
    assert len(png) < 10_000  # tiny on disk, a million and more pixels decoded

    response = post_with_image(admin_client, png, "bomb.png")

    assert image_errors(response) == [
        "This image has too many pixels to process safely (the limit is 1 million). "
        "Make it smaller and upload it again."
    ]
    assert not Article.objects.exists()


def test_admin_offers_only_the_accepted_formats_in_the_file_picker(admin_client):
    response = admin_client.get(reverse("admin:articles_article_add"))

    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_other_save_paths_refuse_what_the_admin_refuses(monkeypatch):
    article = ArticleFactory()

    with pytest.raises(UnsafeImageError):
        article.image.save("page.jpg", ContentFile(b"<html></html>"))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    bomb = encoded(Image.new("L", (1500, 1000)), "PNG")
    with pytest.raises(UnsafeImageError):
        article.image.save("bomb.png", ContentFile(bomb))

    assert not Article.objects.get(pk=article.pk).image


def test_saving_the_admin_form_without_a_new_upload_keeps_the_image(
    admin_client, django_capture_on_commit_callbacks
):
    post_with_image(admin_client, camera_jpeg(1600, 900), "kept.jpg")
    article = Article.objects.get()
    name, renditions = article.image.name, article.image_renditions
    form = admin_add_form(article.section, "<p>Body, corrected.</p>")
    form["title"] = "A corrected headline"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_article_change", args=[article.pk]), form
        )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "A corrected headline"
    assert (article.image.name, article.image_renditions) == (name, renditions)
    assert (article.image_width, article.image_height) == (1600, 900)
    for stored in [name, *(rendition_name(name, w) for w in renditions)]:
        assert default_storage.exists(stored)


def test_clearing_the_image_in_the_admin_removes_its_files(
    admin_client, django_capture_on_commit_callbacks
):
    post_with_image(admin_client, camera_jpeg(1600, 900), "cleared.jpg")
    article = Article.objects.get()
    name = article.image.name
    form = admin_add_form(article.section, "<p>Body.</p>")
    form["image-clear"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_article_change", args=[article.pk]), form
        )

    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.image
    assert article.image_renditions == []
    assert not default_storage.exists(name)
    assert not default_storage.exists(rendition_name(name, 800))
