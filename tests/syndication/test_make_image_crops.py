"""Images stored before crops existed get them from make_image_crops; removing an
image removes its crops too."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from articles.images import CROP_RATIOS, crop_name
from tests.factories import ArticleFactory
from tests.photos import plain_jpeg

pytestmark = pytest.mark.django_db


def crops_exist(article) -> list[bool]:
    storage = article.image.storage
    return [storage.exists(crop_name(article.image.name, r)) for r in CROP_RATIOS]


def test_the_command_makes_missing_crops(capsys):
    article = ArticleFactory()
    article.image.save("old.jpg", ContentFile(plain_jpeg(1600, 900)))
    for ratio in CROP_RATIOS:
        article.image.storage.delete(crop_name(article.image.name, ratio))

    call_command("make_image_crops")

    assert crops_exist(article) == [True, True, True]
    assert "1 image" in capsys.readouterr().out


def test_removing_an_image_removes_its_crops(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    article.image.save("gone.jpg", ContentFile(plain_jpeg(1600, 900)))
    name = article.image.name
    assert crops_exist(article) == [True, True, True]

    with django_capture_on_commit_callbacks(execute=True):
        article.image = ""
        article.save()

    storage = article.image.storage
    assert not any(storage.exists(crop_name(name, r)) for r in CROP_RATIOS)
