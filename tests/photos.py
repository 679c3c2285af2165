"""Images for the tests, made with Pillow: photo-like scenes and uploads that carry
what a source's camera writes into a file."""

import io
import random

from django.core.files.base import ContentFile
from PIL import ExifTags, Image, ImageChops, ImageCms, ImageDraw, ImageFilter

# What a camera or phone writes into a photo that could identify a source.
GPS_LATITUDE = (34.0, 43.0, 52.8)
GPS_LONGITUDE = (36.0, 42.0, 46.2)
CAMERA_SERIAL = "SERIAL-0042-7731"
TAKEN_AT = "2024:03:01 10:30:00"
XMP_CREATOR = "Name Of The Source"
COMMENT = "taken from the flat above the checkpoint"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="{XMP_CREATOR}"/>'
    "</rdf:RDF></x:xmpmeta>"
).encode()
# Byte strings none of which may be left in a stored file.
TELLTALES = [
    CAMERA_SERIAL.encode(),
    TAKEN_AT.encode(),
    XMP_CREATOR.encode(),
    COMMENT.encode(),
    b"ICC_PROFILE",
    b"http://ns.adobe.com/xap/1.0/",
]


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS R6"
    exif[ExifTags.Base.Orientation] = orientation
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.BodySerialNumber] = CAMERA_SERIAL
    details[ExifTags.Base.DateTimeOriginal] = TAKEN_AT
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    return exif


def encoded(image: Image.Image, image_format: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def camera_jpeg(width: int = 1600, height: int = 900, orientation: int = 1) -> bytes:
    """A JPEG with GPS position, camera serial, time, XMP, an ICC profile and a
    comment, as a phone or camera might write them."""
    return encoded(
        photo_like(width, height),
        "JPEG",
        quality=85,
        exif=camera_exif(orientation),
        xmp=XMP,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        comment=COMMENT.encode(),
    )


def upload(data: bytes, name: str = "photo.jpg") -> ContentFile:
    return ContentFile(data, name=name)


def plain_jpeg(width: int, height: int, colour: str = "#8aa1b1") -> bytes:
    return encoded(Image.new("RGB", (width, height), colour), "JPEG", quality=85)


def photo_like(width: int = 1600, height: int = 900, seed: int = 7) -> Image.Image:
    """A street scene that weighs what a news photo weighs: a cloudy sky, blocks
    with windows, trees, a textured street with people, softened like a lens and
    with sensor grain. At 1600 x 900 a JPEG of quality 85 is about 310 KB (1.7
    bits a pixel), the detailed end of what newsrooms upload, not a flat colour
    that compresses to nothing."""
    rng = random.Random(seed)
    w, h = width, height
    horizon = int(h * 0.55)
    ramp = Image.linear_gradient("L").resize((w, h))
    sky = Image.merge(
        "RGB",
        [
            ramp.point(
                lambda v, top=top, bottom=bottom: top + (bottom - top) * v // 255
            )
            for top, bottom in ((70, 210), (120, 200), (190, 215))
        ],
    )
    clouds = (
        _noise(rng, (max(1, w // 40), max(1, h // 40)), 60)
        .resize((w, h), Image.Resampling.BICUBIC)
        .filter(ImageFilter.GaussianBlur(12))
        .point(lambda v: max(0, v - 140) * 2)
    )
    image = Image.composite(Image.new("RGB", (w, h), (235, 235, 240)), sky, clouds)
    draw = ImageDraw.Draw(image)
    x = 0
    while x < w:
        block_width, top = rng.randint(60, 220), horizon - rng.randint(40, 300)
        shade = rng.randint(60, 170)
        wall = (shade + rng.randint(0, 40), shade + rng.randint(0, 25), shade)
        window = tuple(max(0, c - 45) for c in wall)
        draw.rectangle((x, top, x + block_width, h), fill=wall)
        for wy in range(top + 12, horizon, 26):
            for wx in range(x + 8, x + block_width - 14, 22):
                draw.rectangle((wx, wy, wx + 10, wy + 14), fill=window)
        x += block_width + rng.randint(0, 12)
    street = _noise(rng, (max(1, w // 2), max(1, (h - horizon) // 2)), 64)
    street = street.resize((w, h - horizon), Image.Resampling.BICUBIC)
    image.paste(
        Image.merge(
            "RGB",
            [
                street.point(lambda v: 60 + v // 3),
                street.point(lambda v: 55 + v // 3),
                street.point(lambda v: 45 + v // 4),
            ],
        ),
        (0, horizon),
    )
    for _ in range(30):
        px, py = rng.randint(0, w), rng.randint(horizon + 20, h - 20)
        size = int(20 + (py - horizon) / 3)
        colour = tuple(rng.randint(20, 220) for _ in range(3))
        draw.ellipse((px, py - size, px + size // 2, py + size // 3), fill=colour)
    leaves = _noise(rng, (w, h), 90)
    crowns = Image.new("L", (w, h))
    crown_draw = ImageDraw.Draw(crowns)
    for _ in range(7):
        cx, cy = rng.randint(0, w), horizon - rng.randint(-20, 60)
        r = rng.randint(50, 120)
        crown_draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    foliage = Image.merge(
        "RGB",
        [
            leaves.point(lambda v: v // 4),
            leaves.point(lambda v: 40 + v // 2),
            leaves.point(lambda v: v // 5),
        ],
    )
    image = Image.composite(foliage, image, crowns).filter(
        ImageFilter.GaussianBlur(0.8)
    )
    grain = _noise(rng, (w, h), 30).convert("RGB")
    return Image.blend(image, ImageChops.add(image, grain, 2, -64), 0.35)


def _noise(rng: random.Random, size: tuple[int, int], spread: int) -> Image.Image:
    """Grey noise around mid-grey, from the seeded generator (Pillow's own noise
    is not seeded, and the scene must weigh the same on every run)."""
    noise = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    return noise.point(lambda v: 128 + (v - 128) * spread // 74)
