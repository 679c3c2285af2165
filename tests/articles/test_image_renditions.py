"""An article's main image gets WebP renditions beside it, whatever path saves it,
and a replaced, cleared or deleted image leaves no files behind once committed."""

import io
import posixpath

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from factory.django import ImageField
from PIL import Image

from articles.images import CROP_RATIOS, crop_name, rendition_name
from articles.models import Article
from tests.factories import ArticleFactory
from tests.photos import encoded, plain_jpeg, upload

pytestmark = pytest.mark.django_db


def opened(name: str) -> Image.Image:
    with default_storage.open(name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def files_beside(name: str) -> list[str]:
    folder = posixpath.dirname(name)
    return sorted(default_storage.listdir(folder)[1])


def article_with_image(data: bytes, name: str = "photo.jpg") -> Article:
    article = ArticleFactory()
    article.image.save(name, ContentFile(data))
    return article


def test_a_wide_photo_gets_webp_renditions_320_to_1200_wide():
    article = article_with_image(plain_jpeg(1600, 900))

    assert article.image_renditions == [320, 480, 800, 1200]
    for width in (320, 480, 800, 1200):
        rendition = opened(rendition_name(article.image.name, width))
        assert rendition.format == "WEBP"
        assert rendition.size == (width, round(900 * width / 1600))
    assert (article.image_width, article.image_height) == (1600, 900)


def stem_of(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[0]


def test_renditions_are_named_after_the_original_beside_it():
    article = article_with_image(plain_jpeg(1600, 900), name="pumps.jpg")

    stem = stem_of(article.image.name)
    assert article.image.name.endswith(".jpg")
    assert "pumps" not in article.image.name
    assert files_beside(article.image.name) == [
        f"{stem}.1200w.webp",
        f"{stem}.16x9.webp",
        f"{stem}.1x1.webp",
        f"{stem}.320w.webp",
        f"{stem}.480w.webp",
        f"{stem}.4x3.webp",
        f"{stem}.800w.webp",
        f"{stem}.jpg",
    ]


@pytest.mark.parametrize(
    ("width", "expected"),
    [(1000, [320, 480, 800, 1000]), (800, [320, 480, 800]), (300, [300])],
    ids=["1000-wide", "800-wide", "300-wide"],
)
def test_a_narrower_photo_is_never_enlarged(width, expected):
    article = article_with_image(plain_jpeg(width, width // 2))

    assert article.image_renditions == expected
    for rendition_width in expected:
        assert opened(rendition_name(article.image.name, rendition_width)).width == (
            rendition_width
        )


def test_every_save_path_makes_renditions_the_factory_and_a_plain_assignment():
    by_factory = ArticleFactory(
        image=ImageField(width=1200, height=675, color="#b1a58a", format="JPEG")
    )
    assigned = ArticleFactory()
    assigned.image = upload(plain_jpeg(900, 600), "assigned.jpg")
    assigned.save()

    by_factory.refresh_from_db()
    assigned.refresh_from_db()
    assert by_factory.image_renditions == [320, 480, 800, 1200]
    assert (by_factory.image_width, by_factory.image_height) == (1200, 675)
    assert assigned.image_renditions == [320, 480, 800, 900]
    assert (assigned.image_width, assigned.image_height) == (900, 600)
    for article in (by_factory, assigned):
        for width in article.image_renditions:
            assert default_storage.exists(rendition_name(article.image.name, width))


def test_a_png_with_transparency_stays_png_and_its_renditions_keep_it():
    clear = Image.new("RGBA", (1000, 500), (0, 0, 0, 0))
    clear.paste((200, 40, 40, 255), (100, 100, 400, 400))

    article = article_with_image(encoded(clear, "PNG"), name="chart.png")

    assert article.image.name.endswith(".png")
    assert opened(article.image.name).mode == "RGBA"
    rendition = opened(rendition_name(article.image.name, 480))
    assert rendition.mode == "RGBA"
    assert rendition.getpixel((0, 0))[3] == 0


def test_the_stored_extension_follows_what_the_file_is():
    # A PNG called .jpg: browsers and servers go by the extension.
    png = encoded(Image.new("RGB", (600, 300), "#335577"), "PNG")

    article = article_with_image(png, name="mislabelled.jpg")

    assert article.image.name.endswith(".png")
    assert opened(article.image.name).format == "PNG"


def test_a_second_original_of_the_same_name_does_not_take_the_first_ones_renditions():
    jpeg = article_with_image(plain_jpeg(1600, 900, "#112233"), name="scene.jpg")
    png = encoded(Image.new("RGB", (1600, 900), "#ddeeff"), "PNG")

    other = article_with_image(png, name="scene.png")

    assert (
        posixpath.splitext(other.image.name)[0]
        != posixpath.splitext(jpeg.image.name)[0]
    )
    kept = opened(rendition_name(jpeg.image.name, 480)).convert("RGB")
    assert kept.getpixel((10, 10)) == pytest.approx((17, 34, 51), abs=6)


def test_replacing_an_image_removes_the_old_files_once_committed(
    django_capture_on_commit_callbacks,
):
    article = article_with_image(plain_jpeg(1600, 900), name="first.jpg")
    old_files = [
        article.image.name,
        *(rendition_name(article.image.name, w) for w in (320, 480, 800, 1200)),
        *(crop_name(article.image.name, ratio) for ratio in CROP_RATIOS),
    ]
    article = Article.objects.get(pk=article.pk)

    with django_capture_on_commit_callbacks() as callbacks:
        article.image = upload(plain_jpeg(1000, 500), "second.jpg")
        article.save()
        # Until the commit the old files stay: a rollback keeps the old image.
        assert all(default_storage.exists(name) for name in old_files)
    for callback in callbacks:
        callback()

    assert not any(default_storage.exists(name) for name in old_files)
    article.refresh_from_db()
    stem = stem_of(article.image.name)
    assert article.image_renditions == [320, 480, 800, 1000]
    assert (article.image_width, article.image_height) == (1000, 500)
    assert files_beside(article.image.name) == [
        f"{stem}.1000w.webp",
        f"{stem}.16x9.webp",
        f"{stem}.1x1.webp",
        f"{stem}.320w.webp",
        f"{stem}.480w.webp",
        f"{stem}.4x3.webp",
        f"{stem}.800w.webp",
        f"{stem}.jpg",
    ]


def test_saving_a_new_file_on_a_loaded_article_removes_the_old_one(
    django_capture_on_commit_callbacks,
):
    article = article_with_image(plain_jpeg(1600, 900), name="before.jpg")
    old = article.image.name
    article = Article.objects.get(pk=article.pk)

    with django_capture_on_commit_callbacks(execute=True):
        article.image.save("after.jpg", ContentFile(plain_jpeg(1200, 600)))

    assert not default_storage.exists(old)
    assert not default_storage.exists(rendition_name(old, 480))
    assert default_storage.exists(rendition_name(article.image.name, 1200))


def test_clearing_an_image_removes_its_files_and_its_size(
    django_capture_on_commit_callbacks,
):
    article = article_with_image(plain_jpeg(1600, 900))
    name = article.image.name
    article = Article.objects.get(pk=article.pk)

    with django_capture_on_commit_callbacks(execute=True):
        article.image = None
        article.save()

    article.refresh_from_db()
    assert not article.image
    assert article.image_renditions == []
    assert (article.image_width, article.image_height) == (None, None)
    assert not default_storage.exists(name)
    assert not default_storage.exists(rendition_name(name, 800))


def test_deleting_an_article_removes_its_image_files(
    django_capture_on_commit_callbacks,
):
    article = article_with_image(plain_jpeg(1600, 900))
    name = article.image.name

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert not default_storage.exists(name)
    assert not default_storage.exists(rendition_name(name, 1200))


def test_files_another_article_still_shows_are_kept(
    django_capture_on_commit_callbacks,
):
    article = article_with_image(plain_jpeg(1600, 900))
    sharing = ArticleFactory()
    Article.objects.filter(pk=sharing.pk).update(
        image=article.image.name, image_renditions=article.image_renditions
    )
    article = Article.objects.get(pk=article.pk)

    with django_capture_on_commit_callbacks(execute=True):
        article.image = upload(plain_jpeg(800, 400), "new.jpg")
        article.save()

    shared = Article.objects.get(pk=sharing.pk).image.name
    assert default_storage.exists(shared)
    assert default_storage.exists(rendition_name(shared, 800))


def test_saving_other_fields_keeps_the_image_files_and_reads_no_file(
    django_capture_on_commit_callbacks, monkeypatch
):
    article = article_with_image(plain_jpeg(1600, 900))
    name, renditions = article.image.name, article.image_renditions
    article = Article.objects.get(pk=article.pk)

    def no_reading(*args, **kwargs):
        raise AssertionError("the stored image was opened")

    monkeypatch.setattr(default_storage, "open", no_reading)
    with django_capture_on_commit_callbacks(execute=True):
        # As the admin does: the unchanged file is assigned again.
        article.image = article.image
        article.title = "A corrected headline"
        article.save()

    monkeypatch.undo()
    article.refresh_from_db()
    assert article.image.name == name
    assert article.image_renditions == renditions
    assert (article.image_width, article.image_height) == (1600, 900)
    assert default_storage.exists(name)
    assert default_storage.exists(rendition_name(name, 1200))
