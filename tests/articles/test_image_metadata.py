"""Safety for sources: nothing a camera wrote into a photo (GPS position, serial
number, times, XMP, colour profile, comments) survives in any stored file."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import ExifTags, Image, ImageCms

from articles.images import rendition_name
from tests.factories import ArticleFactory
from tests.photos import (
    GPS_LATITUDE,
    TELLTALES,
    camera_exif,
    camera_jpeg,
    encoded,
    photo_like,
)

pytestmark = pytest.mark.django_db


def stored_files(article) -> dict[str, bytes]:
    names = [
        article.image.name,
        *(rendition_name(article.image.name, w) for w in article.image_renditions),
    ]
    files = {}
    for name in names:
        with default_storage.open(name) as file:
            files[name] = file.read()
    return files


def saved_article(data: bytes, name: str = "photo.jpg"):
    article = ArticleFactory()
    article.image.save(name, ContentFile(data))
    return article


def test_the_upload_really_carries_gps_serial_xmp_icc_and_a_comment():
    # The premise of the tests below: Pillow wrote everything into the upload.
    data = camera_jpeg(640, 360)
    image = Image.open(io.BytesIO(data))

    gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitude] == GPS_LATITUDE
    assert {"exif", "xmp", "icc_profile", "comment"} <= image.info.keys()
    assert all(telltale in data for telltale in TELLTALES)


def test_gps_and_camera_details_are_gone_from_the_original_and_every_rendition():
    article = saved_article(camera_jpeg(1600, 900))

    files = stored_files(article)
    assert len(files) == 5  # the original and four renditions
    for name, data in files.items():
        image = Image.open(io.BytesIO(data))
        exif = image.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo), name
        assert not exif.get_ifd(ExifTags.IFD.Exif), name
        assert len(exif) == 0, name
        assert not {"exif", "xmp", "icc_profile", "comment"} & image.info.keys(), name
        assert b"Exif\x00\x00" not in data, name
        for telltale in TELLTALES:
            assert telltale not in data, (name, telltale)


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_metadata_is_gone_from_png_and_webp_uploads_too(image_format):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encoded(
        photo_like(800, 450), image_format, exif=camera_exif(), icc_profile=icc
    )
    assert b"SERIAL" in data

    article = saved_article(data, name=f"graphic.{image_format.lower()}")

    for name, stored in stored_files(article).items():
        image = Image.open(io.BytesIO(stored))
        assert len(image.getexif()) == 0, name
        assert "icc_profile" not in image.info, name
        assert b"SERIAL" not in stored, name


def test_the_exif_orientation_is_applied_before_the_metadata_goes():
    # A phone held upright stores the sensor's landscape pixels and a note
    # ("rotate 90 degrees"); without the note, the pixels must be upright.
    landscape = Image.new("RGB", (1600, 900), "white")
    landscape.paste((200, 0, 0), (0, 0, 100, 100))  # red in the top-left corner
    data = encoded(landscape, "JPEG", quality=95, exif=camera_exif(orientation=6))

    article = saved_article(data)

    assert (article.image_width, article.image_height) == (900, 1600)
    for name, stored in stored_files(article).items():
        image = Image.open(io.BytesIO(stored)).convert("RGB")
        assert image.height > image.width, name
        # Turned a quarter clockwise, the top-left corner is now the top-right.
        corner = image.getpixel((image.width - 5, 5))
        assert corner[0] > 150 and corner[1] < 80, (name, corner)


def test_colours_survive_the_profile_being_converted_to_srgb_and_dropped():
    green = Image.new("RGB", (600, 300), (20, 200, 60))
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

    article = saved_article(encoded(green, "JPEG", quality=95, icc_profile=profile))

    for name, stored in stored_files(article).items():
        image = Image.open(io.BytesIO(stored))
        assert "icc_profile" not in image.info, name
        assert image.convert("RGB").getpixel((300, 150)) == pytest.approx(
            (20, 200, 60), abs=4
        ), name


def test_an_unreadable_profile_is_dropped_and_the_image_kept():
    data = encoded(
        Image.new("RGB", (600, 300), "#446688"),
        "JPEG",
        icc_profile=b"not a colour profile at all",
    )

    article = saved_article(data)

    assert article.image_renditions == [320, 480, 600]
    for stored in stored_files(article).values():
        assert b"not a colour profile" not in stored
