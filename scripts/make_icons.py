"""Render the app icon from its SVG sources into the PNG and .ico files the packaged builds use.

    .venv/bin/python scripts/make_icons.py

Writes ``resources/icons/app-256.png``, ``app-48.png`` (Linux .desktop, README) and ``app.ico``
(Windows executables and installer). Run it after changing ``app.svg`` or ``app-small.svg`` and
commit the results: the build machines then need neither ImageMagick nor Pillow.

The .ico holds 16, 24 and 32 px drawn from ``app-small.svg`` (the clipboard in ``app.svg`` turns
to mush below 48 px) and 48, 64, 256 px from ``app.svg``. Sizes below 256 are stored as classic
32-bit DIBs, which every Windows tool reads (NSIS and old resource editors reject PNG entries);
256 px is stored as PNG, as Windows Vista and later expect, to keep the file small.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SMALL_SIZES = (16, 24, 32)
LARGE_SIZES = (48, 64, 256)
PNG_SIZES = (256, 48)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO image entry as a DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)  # 0xAARRGGBB; Format_ARGB32 is not premultiplied
            row += struct.pack("<I", argb)  # little-endian 0xAARRGGBB is B, G, R, A in memory
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4  # 1 bit per pixel, rows padded to 32 bits; all opaque
    mask = bytes(mask_stride * size)  # the alpha channel decides; an all-zero mask hides nothing
    return header + b"".join(rows) + mask


def write_ico(target: Path, images: list[QImage]) -> None:
    entries = [png_bytes(i) if i.width() >= 256 else dib_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    directory = struct.pack("<HHH", 0, 1, len(images))
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    target.write_bytes(directory + b"".join(entries))


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    large, small = ICONS / "app.svg", ICONS / "app-small.svg"
    for size in PNG_SIZES:
        target = ICONS / f"app-{size}.png"
        if not render(large, size).save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        print(f"wrote {target}")
    images = [render(small, s) for s in SMALL_SIZES] + [render(large, s) for s in LARGE_SIZES]
    write_ico(ICONS / "app.ico", images)
    print(f"wrote {ICONS / 'app.ico'} ({', '.join(str(i.width()) for i in images)} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
