"""An article's main image: stored without metadata, with WebP renditions beside it.

Whatever path an image takes into storage (the admin, the demo loader, a service or
a shell), it goes through ``ArticleImageFieldFile.save``, which

- decodes it (within Pillow's decompression-bomb limit), turns it upright from its
  EXIF orientation and converts an embedded colour profile to sRGB;
- stores the original again from those pixels alone, so no EXIF (GPS position,
  camera serial number, times), XMP, ICC profile or comment of the upload survives;
- stores it under a random name (the uploader's file name, e.g. a phone's
  ``IMG_20261130_094512.jpg``, would tell the world when the picture was taken), with
  the extension of what the file is;
- stores WebP renditions at ``RENDITION_WIDTHS`` next to it, never wider than the
  original, named ``<original without extension>.<width>w.webp``;
- records the original's width and height and the renditions' widths on the row, so
  that pages build ``src``/``srcset`` and true ``width``/``height`` from the row alone,
  without touching storage or the database.

A replaced, cleared or deleted image's files are removed once the change is
committed, unless another article still uses them: a picture taken off the site is
gone from it, not just unlinked.
"""

import contextlib
import io
import posixpath
import secrets
from dataclasses import dataclass
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import models, transaction
from django.db.models import signals
from django.db.models.fields.files import (
    FieldFile,
    FileDescriptor,
    ImageFieldFile,
    ImageFileDescriptor,
)
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, JpegImagePlugin

# 320 for teasers, 480 to 1200 for the lead and article pictures on phones
# and desktops (and their high-density screens).
RENDITION_WIDTHS = (320, 480, 800, 1200)
# The width a browser without srcset gets, and the one pages name in ``src``.
DEFAULT_WIDTH = 800
# cwebp's own default: a photo keeps its detail at a third of the JPEG's weight.
RENDITION_QUALITY = 75
# The original keeps the format it was uploaded in; nothing else is accepted.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# An original's quality when its JPEG quantisation tables cannot be reused.
ORIGINAL_QUALITY = 90

_REPLACED = "_replaced_image_files"


class UnsafeImageError(ValueError):
    """The file is not an image this site stores: unreadable, of another format,
    or with more pixels than Pillow's decompression-bomb limit."""


def pixel_limit() -> int:
    """Pillow's decompression-bomb limit, read when used (tests lower it)."""
    return Image.MAX_IMAGE_PIXELS or 0


def rendition_widths(width: int) -> list[int]:
    """The widths of the renditions made for an original ``width`` pixels wide:
    each of ``RENDITION_WIDTHS`` narrower than it, and the original's own width
    where it is narrower than the widest of them."""
    widths = [w for w in RENDITION_WIDTHS if w <= width]
    if width < RENDITION_WIDTHS[-1] and width not in widths:
        widths.append(width)
    return widths


def rendition_name(name: str, width: int) -> str:
    root, _extension = posixpath.splitext(name)
    return f"{root}.{width}w.webp"


# Crops for structured data (search engines' article images: 16:9, 4:3 and 1:1,
# each of at least 50,000 pixels), cut from the centre and at most this wide.
CROP_RATIOS = ((16, 9), (4, 3), (1, 1))
CROP_MAX_WIDTH = 1200
CROP_MIN_PIXELS = 50_000
# Crops are fetched by crawlers and link previews, not by every reader: WebP's
# default effort encodes them in about half the time of the renditions' method 6.
CROP_METHOD = 4


@dataclass(frozen=True)
class Crop:
    ratio: tuple[int, int]
    width: int
    height: int


def crop_name(name: str, ratio: tuple[int, int]) -> str:
    root, _extension = posixpath.splitext(name)
    return f"{root}.{ratio[0]}x{ratio[1]}.webp"


def crop_sizes(width: int, height: int) -> list[Crop]:
    """The crops an original of this size has: the largest centred cut of each
    ratio, scaled to at most ``CROP_MAX_WIDTH``, where that is big enough. Derived
    from the size alone, so pages name them without touching storage."""
    crops = []
    for ratio in CROP_RATIOS:
        cut_width = min(width, height * ratio[0] // ratio[1])
        out_width = min(cut_width, CROP_MAX_WIDTH)
        out_height = out_width * ratio[1] // ratio[0]
        if out_width * out_height >= CROP_MIN_PIXELS:
            crops.append(Crop(ratio=ratio, width=out_width, height=out_height))
    return crops


def make_crops(pixels: Image.Image, storage: Storage, name: str) -> None:
    """Store the ``crop_sizes`` crops of ``pixels`` beside ``name``."""
    if pixels.mode == "L":
        pixels = pixels.convert("RGB")
    for crop in crop_sizes(pixels.width, pixels.height):
        ratio = crop.ratio
        cut_width = min(pixels.width, pixels.height * ratio[0] // ratio[1])
        cut_height = cut_width * ratio[1] // ratio[0]
        left = (pixels.width - cut_width) // 2
        top = (pixels.height - cut_height) // 2
        cut = pixels.crop((left, top, left + cut_width, top + cut_height))
        resized = cut.resize(
            (crop.width, crop.height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=CROP_METHOD)
        wanted = crop_name(name, ratio)
        if storage.exists(wanted):
            storage.delete(wanted)
        storage.save(wanted, ContentFile(buffer.getvalue()))


def stored_names(name: str, widths: list[int]) -> list[str]:
    """The original and its renditions: every file an image keeps in storage."""
    return [name, *(rendition_name(name, width) for width in widths)]


@dataclass(frozen=True)
class Picture:
    """What an ``<img>`` needs: ``src``, ``srcset`` (empty when the image has no
    renditions, e.g. one stored before they existed) and the true size, if known."""

    src: str
    srcset: str
    width: int | None
    height: int | None


def picture_of(
    file: FieldFile, *, widths: list[int], width: int | None, height: int | None
) -> Picture:
    """The renditions' addresses, built from the stored name (no storage access)."""
    if not widths:
        return Picture(src=file.url, srcset="", width=width, height=height)
    storage, name = file.storage, file.name
    urls = {w: storage.url(rendition_name(name, w)) for w in sorted(widths)}
    default = max((w for w in urls if w <= DEFAULT_WIDTH), default=min(urls))
    return Picture(
        src=urls[default],
        srcset=", ".join(f"{url} {w}w" for w, url in urls.items()),
        width=width,
        height=height,
    )


@dataclass(frozen=True)
class CleanImage:
    """An upload reduced to its pixels: upright, sRGB, no metadata."""

    pixels: Image.Image
    format: str
    encoded: bytes  # the original, re-encoded in its own format

    @property
    def extension(self) -> str:
        return FORMATS[self.format]


def clean_image(content) -> CleanImage:
    """Decode ``content`` and encode it again from its pixels alone."""
    content.seek(0)
    try:
        source = Image.open(content)
    except Image.DecompressionBombError as error:
        raise UnsafeImageError(str(error)) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise UnsafeImageError(f"not a readable image: {error}") from error
    with source:
        if source.format not in FORMATS:
            raise UnsafeImageError(f"{source.format} images are not accepted")
        if source.width * source.height > pixel_limit():
            raise UnsafeImageError(
                f"{source.width}x{source.height} pixels is over Pillow's limit"
            )
        try:
            pixels = _upright_srgb(source)
        except (OSError, SyntaxError, ValueError) as error:
            raise UnsafeImageError(f"not a readable image: {error}") from error
        options = _encoding_of(source)
    buffer = io.BytesIO()
    pixels.save(buffer, source.format, **options)
    return CleanImage(pixels=pixels, format=source.format, encoded=buffer.getvalue())


def _upright_srgb(source: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(source)
    profile = source.info.get("icc_profile")
    if image.mode not in {"RGB", "RGBA", "L", "CMYK"}:
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    if profile and image.mode in {"RGB", "RGBA", "CMYK"}:
        # Dropping a wide-gamut profile (a phone's Display P3) would dull the
        # colours; converting keeps them while the profile itself goes.
        # An unreadable profile is dropped and the pixels kept as they are.
        with contextlib.suppress(ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(
                image,
                io.BytesIO(profile),
                ImageCms.createProfile("sRGB"),
                outputMode="RGBA" if image.mode == "RGBA" else "RGB",
            )
    if image.mode not in {"RGB", "RGBA", "L"}:
        image = image.convert("RGB")
    # A new image carries the pixels and nothing of the file they came from.
    pixels = Image.new(image.mode, image.size)
    pixels.paste(image)
    return pixels


def _encoding_of(source: Image.Image) -> dict:
    if source.format == "JPEG":
        tables = getattr(source, "quantization", None)
        if tables and len(tables) <= 2 and source.mode in {"RGB", "L"}:
            # The upload's own quantisation keeps its quality and its weight: a
            # second encoding with the same tables loses next to nothing.
            options = {"qtables": tables, "optimize": True}
            sampling = JpegImagePlugin.get_sampling(source)
            if sampling != -1:
                options["subsampling"] = sampling
            return options
        return {"quality": ORIGINAL_QUALITY, "optimize": True}
    if source.format == "WEBP":
        return {"quality": ORIGINAL_QUALITY, "method": 6}
    return {}


def make_renditions(pixels: Image.Image, storage: Storage, name: str) -> list[int]:
    """Store WebP renditions of ``pixels`` beside ``name``; return their widths."""
    if pixels.mode == "L":
        pixels = pixels.convert("RGB")
    made = []
    for width in rendition_widths(pixels.width):
        height = max(1, round(pixels.height * width / pixels.width))
        resized = pixels.resize(
            (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=6)
        wanted = rendition_name(name, width)
        saved = storage.save(wanted, ContentFile(buffer.getvalue()))
        if saved != wanted:
            # Pages derive the address from the original's name; a rendition
            # stored under another name would never be found.
            storage.delete(saved)
            continue
        made.append(width)
    return made


def random_stem() -> str:
    """A file name that says nothing of the upload: 96 random bits."""
    return secrets.token_hex(12)


def _stored_name(value) -> str | None:
    """The storage name ``value`` refers to, if it is a file already stored."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, FieldFile) and value._committed:
        return value.name or None
    return None


class ArticleImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        field, instance = self.field, self.instance
        clean = clean_image(content)
        field.remember_replaced(instance, _stored_name(self))
        # Until stored, this file is new: the descriptor must not take the name
        # given below for the name of a replaced file.
        self._committed = False
        name = field.generate_filename(instance, random_stem() + clean.extension)
        name = self._free_name(name, rendition_widths(clean.pixels.width))
        encoded = ContentFile(clean.encoded, name=posixpath.basename(name))
        self.name = self.storage.save(name, encoded, max_length=field.max_length)
        self._set_instance_attribute(self.name, encoded)
        self._committed = True
        widths = make_renditions(clean.pixels, self.storage, self.name)
        make_crops(clean.pixels, self.storage, self.name)
        if field.renditions_field:
            setattr(instance, field.renditions_field, widths)
        if save:
            instance.save()

    save.alters_data = True

    def _free_name(self, name: str, widths: list[int]) -> str:
        """A name free in storage whose renditions' names are free too (another
        format's original of the same name would otherwise share them)."""
        name = self.storage.get_available_name(name, max_length=self.field.max_length)
        while any(self.storage.exists(rendition_name(name, width)) for width in widths):
            folder, filename = posixpath.split(name)
            root, extension = posixpath.splitext(filename)
            name = self.storage.get_available_name(
                posixpath.join(
                    folder, self.storage.get_alternative_name(root, extension)
                ),
                max_length=self.field.max_length,
            )
        return name


class ArticleImageDescriptor(ImageFileDescriptor):
    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        FileDescriptor.__set__(self, instance, value)
        if previous is None:
            return  # Model.__init__; post_init measures a new file
        if _stored_name(previous) and _stored_name(previous) == _stored_name(value):
            # The admin assigns the unchanged file on every save: the row's size
            # and renditions still hold, and the file need not be read again.
            return
        self.field.remember_replaced(instance, _stored_name(previous))
        if self.field.renditions_field:
            setattr(instance, self.field.renditions_field, [])
        self.field.update_dimension_fields(instance, force=True)


class ArticleImageField(models.ImageField):
    """An ImageField whose files keep no metadata and come with WebP renditions.

    ``renditions_field`` names a JSON field that holds the renditions' widths, as
    ``width_field`` and ``height_field`` hold the original's size.
    """

    attr_class = ArticleImageFieldFile
    descriptor_class = ArticleImageDescriptor

    def __init__(self, *args, renditions_field: str | None = None, **kwargs):
        self.renditions_field = renditions_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions_field:
            kwargs["renditions_field"] = self.renditions_field
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            signals.post_save.connect(self._remove_replaced_files, sender=cls)
            signals.post_delete.connect(self._remove_deleted_files, sender=cls)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        if not force and _stored_name(instance.__dict__.get(self.attname)):
            # Loading a row: its size comes from its columns. Django would open
            # the file of a row stored without them on every load (and fail
            # when it is missing).
            return
        super().update_dimension_fields(instance, force, *args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})

    def remember_replaced(self, instance, name: str | None) -> None:
        """Note the stored file an unsaved change replaces (the first one only:
        what the row held when it was loaded)."""
        if not name:
            return
        widths = (
            list(getattr(instance, self.renditions_field) or [])
            if self.renditions_field
            else []
        )
        instance.__dict__.setdefault(_REPLACED, (name, widths))

    def _remove_replaced_files(
        self, sender, instance, raw=False, using=None, update_fields=None, **kwargs
    ):
        if raw or (update_fields is not None and self.attname not in update_fields):
            return
        replaced = instance.__dict__.pop(_REPLACED, None)
        if replaced is None:
            return
        name, widths = replaced
        if name != _stored_name(instance.__dict__.get(self.attname)):
            self._remove_on_commit(sender, name, widths, using)

    def _remove_deleted_files(self, sender, instance, using=None, **kwargs):
        name = _stored_name(instance.__dict__.get(self.attname))
        if name:
            widths = (
                getattr(instance, self.renditions_field)
                if self.renditions_field
                else []
            )
            self._remove_on_commit(sender, name, list(widths or []), using)

    def _remove_on_commit(self, model, name: str, widths: list[int], using) -> None:
        # After the commit: a rolled-back change still has its files.
        transaction.on_commit(
            partial(self._remove_if_unused, model, name, widths),
            using=using,
            robust=True,
        )

    def _remove_if_unused(self, model, name: str, widths: list[int]) -> None:
        if model._default_manager.filter(**{self.name: name}).exists():
            return
        for stored in stored_names(name, widths):
            self.storage.delete(stored)
        # Crops exist only for images big enough; deleting a missing one is a no-op.
        for ratio in CROP_RATIOS:
            self.storage.delete(crop_name(name, ratio))


class ImageUploadField(forms.ImageField):
    """The admin's image upload: refuses what ``clean_image`` would refuse, each
    with a message an editor can act on."""

    # The extension check is replaced by the format check: the stored file's
    # extension comes from what the file is, not from what it was called.
    default_validators = []
    default_error_messages = {
        "invalid_image": _(
            "This file is not an image that can be read. Upload a JPEG, PNG or "
            "WebP photo."
        ),
        "unsupported_format": _(
            "This is a %(format)s image. Upload a JPEG, PNG or WebP photo."
        ),
        "too_many_pixels": _(
            "This image has too many pixels to process safely (the limit is "
            "%(limit)s million). Make it smaller and upload it again."
        ),
    }

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except ValidationError as error:
            # Pillow raises above twice its limit (and warns above it, which
            # becomes an error where warnings are errors).
            bomb = (Image.DecompressionBombError, Image.DecompressionBombWarning)
            if isinstance(error.__cause__, bomb):
                raise self._too_many_pixels() from error
            raise
        if upload is None:
            return None
        image = upload.image
        if image.format not in FORMATS:
            raise ValidationError(
                self.error_messages["unsupported_format"],
                code="unsupported_format",
                params={"format": image.format or "?"},
            )
        if image.width * image.height > pixel_limit():
            raise self._too_many_pixels()
        try:
            # verify() reads the structure only; a truncated or damaged image
            # fails when decoded, which storing it does.
            with Image.open(upload) as decoded:
                decoded.load()
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        finally:
            upload.seek(0)
        return upload

    def _too_many_pixels(self) -> ValidationError:
        return ValidationError(
            self.error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"limit": round(pixel_limit() / 1_000_000)},
        )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs
