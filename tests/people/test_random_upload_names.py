"""Uploaded images are stored under a random name, never the uploader's file name
(a phone's IMG_20261130_094512.jpg tells the world when the picture was taken); the
renditions follow the random name."""

import posixpath
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.images import rendition_name
from articles.models import Article
from people.models import Person
from tests.articles.test_body_sanitisation import admin_add_form
from tests.factories import SectionFactory
from tests.photos import camera_jpeg

pytestmark = pytest.mark.django_db

CAMERA_NAME = "IMG_20261130_094512.jpg"
RANDOM_STEM = re.compile(r"^[0-9a-f]{24}$")


def assert_stored_under_a_random_name(name: str, widths: list[int]) -> None:
    stem, extension = posixpath.splitext(posixpath.basename(name))
    assert RANDOM_STEM.match(stem), name
    assert extension == ".jpg"
    assert "20261130" not in name and "IMG" not in name
    assert widths
    for width in widths:
        rendition = rendition_name(name, width)
        assert posixpath.basename(rendition) == f"{stem}.{width}w.webp"
        assert default_storage.exists(rendition)


def test_an_article_image_uploaded_in_the_admin_gets_a_random_name(admin_client):
    form = admin_add_form(SectionFactory(), "<p>Body.</p>")
    form["image"] = SimpleUploadedFile(CAMERA_NAME, camera_jpeg(1600, 900))

    response = admin_client.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.image.name.startswith("articles/")
    assert_stored_under_a_random_name(article.image.name, article.image_renditions)


def test_a_person_photo_uploaded_in_the_admin_gets_a_random_name(admin_client):
    response = admin_client.post(
        reverse("admin:people_person_add"),
        {
            "name": "Lina Saleh",
            "slug": "lina-saleh",
            "name_ar": "",
            "slug_ar": "",
            "bio": "",
            "bio_ar": "",
            "photo": SimpleUploadedFile(CAMERA_NAME, camera_jpeg(1200, 1200)),
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    person = Person.objects.get()
    assert person.photo.name.startswith("people/")
    assert_stored_under_a_random_name(person.photo.name, person.photo_renditions)


def test_two_uploads_of_the_same_file_name_get_different_names(admin_client):
    names = []
    for n in range(2):
        form = admin_add_form(SectionFactory(), "<p>Body.</p>")
        form["slug"] = f"story-{n}"
        form["image"] = SimpleUploadedFile(CAMERA_NAME, camera_jpeg(800, 450))
        assert admin_client.post(reverse("admin:articles_article_add"), form)[
            "Location"
        ]
        names.append(Article.objects.get(slug=f"story-{n}").image.name)

    assert names[0] != names[1]
