"""Abstract illustrations for the demo articles, drawn locally with Pillow.

Each drawing is seeded by the article's index, so a load always produces the same
pictures. Shapes are drawn at twice the final size and reduced, which smooths
their edges: ``ImageDraw`` has no antialiasing of its own.
"""

import io
import math
import random
from collections.abc import Callable
from typing import NamedTuple

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
SCALE = 2
W, H = WIDTH * SCALE, HEIGHT * SCALE

RGB = tuple[int, int, int]


class Palette(NamedTuple):
    name: str
    sky_top: RGB
    sky_bottom: RGB
    far: RGB
    near: RGB
    accent: RGB
    light: RGB


PALETTES = [
    Palette(
        "ochre and blue",
        (28, 52, 96), (222, 168, 92), (86, 78, 104), (38, 34, 48),
        (236, 180, 72), (250, 226, 170),
    ),
    Palette(
        "rose and slate",
        (58, 64, 92), (232, 160, 150), (112, 96, 118), (44, 44, 60),
        (242, 128, 118), (252, 214, 200),
    ),
    Palette(
        "teal and sand",
        (18, 84, 96), (230, 204, 150), (58, 118, 118), (22, 56, 62),
        (222, 150, 82), (246, 232, 196),
    ),
    Palette(
        "indigo and amber",
        (30, 28, 78), (204, 122, 66), (76, 60, 110), (26, 22, 46),
        (248, 176, 58), (255, 222, 150),
    ),
    Palette(
        "olive and cream",
        (92, 110, 70), (238, 226, 186), (120, 128, 84), (56, 64, 40),
        (196, 120, 54), (250, 244, 220),
    ),
    Palette(
        "terracotta and grey",
        (84, 90, 100), (226, 150, 112), (134, 100, 90), (58, 50, 50),
        (196, 86, 52), (244, 214, 190),
    ),
    Palette(
        "green and gold",
        (24, 70, 60), (214, 196, 110), (60, 104, 80), (24, 46, 38),
        (232, 184, 60), (246, 234, 176),
    ),
    Palette(
        "violet and peach",
        (60, 40, 90), (244, 176, 138), (110, 76, 120), (40, 28, 58),
        (252, 150, 100), (255, 224, 200),
    ),
]  # fmt: skip


def _gradient(top: RGB, bottom: RGB) -> Image.Image:
    column = Image.linear_gradient("L").resize((1, H))
    mask = column.resize((W, H), Image.Resampling.NEAREST)
    return Image.composite(
        Image.new("RGB", (W, H), bottom), Image.new("RGB", (W, H), top), mask
    )


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _sun(draw: ImageDraw.ImageDraw, rng: random.Random, colour: RGB) -> None:
    x, y, r = rng.randint(W // 6, W * 5 // 6), rng.randint(H // 6, H // 3), H // 9
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _buildings(
    draw: ImageDraw.ImageDraw, rng: random.Random, colour: RGB, base: int, tallest: int
) -> list[tuple[int, int, int, int]]:
    boxes = []
    x = -rng.randint(0, 80)
    while x < W:
        width = rng.randint(90, 260)
        top = base - rng.randint(tallest // 4, tallest)
        draw.rectangle((x, top, x + width, H), fill=colour)
        roof = rng.random()
        if roof < 0.25:
            # A dome, sometimes with a minaret beside it.
            r = width // 3
            cx = x + width // 2
            draw.ellipse((cx - r, top - r, cx + r, top + r), fill=colour)
            if rng.random() < 0.5:
                mx = x + width - 16
                draw.rectangle((mx, top - tallest // 2, mx + 18, top), fill=colour)
                spire = top - tallest // 2
                cap = [(mx - 6, spire), (mx + 24, spire), (mx + 9, spire - 60)]
                draw.polygon(cap, fill=colour)
        elif roof < 0.45:
            gable = [(x, top), (x + width, top), (x + width // 2, top - width // 3)]
            draw.polygon(gable, fill=colour)
        boxes.append((x, top, x + width, H))
        x += width + rng.randint(-30, 20)
    return boxes


def _skyline(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = _gradient(p.sky_top, p.sky_bottom)
    draw = ImageDraw.Draw(image)
    _sun(draw, rng, p.light)
    _buildings(draw, rng, p.far, int(H * 0.78), int(H * 0.42))
    boxes = _buildings(draw, rng, p.near, int(H * 0.92), int(H * 0.34))
    for left, top, right, _bottom in boxes:
        for wy in range(top + 40, H - 60, 70):
            for wx in range(left + 30, right - 40, 56):
                if rng.random() < 0.22:
                    draw.rectangle((wx, wy, wx + 24, wy + 34), fill=p.accent)
    return image, f"abstract city skyline with domes and lit windows, in {p.name}"


def _river(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = _gradient(p.sky_top, p.sky_bottom)
    draw = ImageDraw.Draw(image)
    _sun(draw, rng, p.light)
    horizon = int(H * 0.55)
    for layer, colour in enumerate((p.far, _mix(p.far, p.near, 0.5))):
        phase, amp = rng.uniform(0, math.tau), rng.randint(50, 110)
        wavelength = W / rng.uniform(6, 9)
        edge = [
            (x, horizon + layer * 70 - amp * math.sin(x / wavelength + phase))
            for x in range(0, W + 40, 40)
        ]
        draw.polygon([(0, H), *edge, (W, H)], fill=colour)
    water_top = int(H * 0.68)
    draw.rectangle((0, water_top, W, H), fill=_mix(p.sky_top, p.near, 0.3))
    for row in range(water_top + 30, H, 44):
        phase = rng.uniform(0, math.tau)
        wave = [(x, row + 8 * math.sin(x / 60 + phase)) for x in range(0, W + 20, 20)]
        draw.line(wave, fill=_mix(p.sky_bottom, p.light, 0.4), width=4)
    # A water wheel of the kind that lifts river water onto the fields.
    cx, cy, r = rng.randint(W // 4, W * 3 // 4), water_top - 40, int(H * 0.24)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=p.near, width=22)
    for spoke in range(16):
        angle = spoke * math.tau / 16
        draw.line(
            (cx, cy, cx + r * math.cos(angle), cy + r * math.sin(angle)),
            fill=p.near,
            width=10,
        )
    draw.polygon(
        [(cx - 40, cy), (cx + 40, cy), (cx + 90, H), (cx - 90, H)], fill=p.near
    )
    return image, f"a water wheel on a river below rolling hills, in {p.name}"


def _fields(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = _gradient(p.light, p.sky_bottom)
    draw = ImageDraw.Draw(image)
    sx, sy, r = rng.randint(W // 5, W * 4 // 5), int(H * 0.42), H // 6
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=p.accent)
    colours = [p.far, _mix(p.far, p.accent, 0.45), p.near, _mix(p.near, p.accent, 0.3)]
    for band in range(4):
        base = int(H * (0.5 + band * 0.13))
        phase = rng.uniform(0, math.tau)
        edge = [
            (x, base - 50 * math.sin(x / 420 + phase)) for x in range(0, W + 40, 40)
        ]
        draw.polygon([(0, H), *edge, (W, H)], fill=colours[band])
        stripe = _mix(colours[band], p.light, 0.25)
        for offset in range(30, 200, 36):
            draw.line([(x, y + offset) for x, y in edge], fill=stripe, width=6)
    for _ in range(60):
        x, y = rng.randint(0, W), rng.randint(int(H * 0.82), H)
        draw.line(
            (x, y, x + rng.randint(-12, 12), y - rng.randint(60, 120)),
            fill=p.accent,
            width=5,
        )
    return image, f"striped fields and wheat stalks under a low sun, in {p.name}"


def _geometry(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = _gradient(p.sky_top, _mix(p.sky_top, p.sky_bottom, 0.6)).convert("RGBA")
    layer = Image.new("RGBA", (W, H))
    draw = ImageDraw.Draw(layer)
    colours = [p.accent, p.light, p.sky_bottom, p.far]
    for _ in range(9):
        r = rng.randint(H // 8, H // 3)
        x, y = rng.randint(0, W), rng.randint(0, H)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*rng.choice(colours), 110))
    arch_width = W // 6
    for i in range(6):
        left = i * arch_width + 20
        top = int(H * rng.uniform(0.45, 0.6))
        fill = (*p.near, 210)
        draw.rectangle(
            (left, top + arch_width // 2, left + arch_width - 40, H), fill=fill
        )
        draw.ellipse((left, top, left + arch_width - 40, top + arch_width), fill=fill)
    image.alpha_composite(layer)
    return image.convert(
        "RGB"
    ), f"overlapping circles above a row of arches, in {p.name}"


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    points = []
    for i in range(16):
        radius = r if i % 2 == 0 else r * 0.62
        angle = i * math.tau / 16 + math.pi / 16
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _pattern(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = Image.new("RGB", (W, H), p.near)
    draw = ImageDraw.Draw(image)
    step = rng.choice([320, 380, 440])
    colours = [p.accent, p.light, p.sky_bottom]
    for row, y in enumerate(range(0, H + step, step)):
        for col, x in enumerate(range(0, W + step, step)):
            colour = colours[(row + col) % len(colours)]
            draw.polygon(_star(x, y, step * 0.5), fill=_mix(colour, p.near, 0.15))
            draw.polygon(_star(x, y, step * 0.3), fill=p.far)
            r = step * 0.08
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
            mx, my, m = x + step / 2, y + step / 2, step * 0.12
            draw.polygon(
                [(mx, my - m), (mx + m, my), (mx, my + m), (mx - m, my)], fill=p.sky_top
            )
    return image, f"geometric pattern of eight-pointed stars, in {p.name}"


def _bars(rng: random.Random, p: Palette) -> tuple[Image.Image, str]:
    image = _gradient(p.light, _mix(p.light, p.sky_bottom, 0.7))
    draw = ImageDraw.Draw(image)
    for y in range(int(H * 0.15), H, 120):
        draw.line((0, y, W, y), fill=_mix(p.light, p.far, 0.25), width=3)
    count, margin = 9, 120
    width = (W - 2 * margin) // count
    heights = [rng.uniform(0.2, 0.7) for _ in range(count)]
    tops = []
    for i, share in enumerate(heights):
        left = margin + i * width + 20
        top = int(H * (1 - share))
        draw.rectangle(
            (left, top, left + width - 40, H), fill=p.sky_top if i % 2 else p.far
        )
        tops.append((left + (width - 40) // 2, top - 90))
    draw.line(tops, fill=p.accent, width=14, joint="curve")
    for x, y in tops:
        draw.ellipse((x - 20, y - 20, x + 20, y + 20), fill=p.accent)
    return image, f"abstract bar chart with a rising and falling line, in {p.name}"


MOTIFS: dict[str, Callable[[random.Random, Palette], tuple[Image.Image, str]]] = {
    "skyline": _skyline,
    "river": _river,
    "fields": _fields,
    "geometry": _geometry,
    "pattern": _pattern,
    "bars": _bars,
}


# The alt texts of the Arabic edition: what each motif shows, and each palette.
MOTIFS_AR = {
    "skyline": "أفق مدينة مجرد بقباب ونوافذ مضاءة",
    "river": "ناعورة على نهر تحت تلال متموجة",
    "fields": "حقول مخططة وسنابل قمح تحت شمس منخفضة",
    "geometry": "دوائر متداخلة فوق صف من الأقواس",
    "pattern": "زخرفة هندسية من نجوم ثمانية الرؤوس",
    "bars": "رسم بياني مجرد بأعمدة وخط يصعد ويهبط",
}
PALETTES_AR = {
    "ochre and blue": "المغرة والأزرق",
    "rose and slate": "الوردي والرمادي الأردوازي",
    "teal and sand": "الأزرق المخضر والرملي",
    "indigo and amber": "النيلي والكهرماني",
    "olive and cream": "الزيتوني والكريمي",
    "terracotta and grey": "القرميدي والرمادي",
    "green and gold": "الأخضر والذهبي",
    "violet and peach": "البنفسجي والخوخي",
}


def draw_illustration(
    index: int, motif: str, language: str = "en"
) -> tuple[bytes, str]:
    """Return a JPEG of the ``motif`` drawing for article ``index`` and its alt text.

    The alt text is in English, or in Arabic when ``language`` is "ar"; the same
    ``index`` and ``motif`` always give the same picture.
    """
    rng = random.Random(f"{motif}-{index}")
    palette = PALETTES[index % len(PALETTES)]
    image, description = MOTIFS[motif](rng, palette)
    image = image.reduce(SCALE)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
    if language == "ar":
        alt = f"رسم توضيحي: {MOTIFS_AR[motif]}، بدرجات {PALETTES_AR[palette.name]}"
        return buffer.getvalue(), alt
    return buffer.getvalue(), f"Illustration: {description}"
