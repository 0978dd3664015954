#!/usr/bin/env python3
"""Draws zongjie.ico, the icon of zongjie.exe: a page of an official
document (a red title, the red rule under it, lines of text) at the sizes
Explorer uses. Run it again after changing the drawing; the .ico is
committed so that a release needs no Python for it.

Usage: packaging/windows/make-icon.py  (writes zongjie.ico beside itself)
"""
import os
import struct
import zlib

SIZES = (16, 24, 32, 48, 256)
SAMPLES = 4  # per pixel side: 16 samples, for smooth edges

WHITE = (255, 255, 255)
EDGE = (120, 120, 120)
RED = (206, 17, 38)
TEXT = (90, 90, 90)

# (x0, y0, x1, y1, colour) in a unit square, later ones drawn over earlier.
SHAPES = [
    (0.14, 0.04, 0.86, 0.96, EDGE),
    (0.17, 0.07, 0.83, 0.93, WHITE),
    (0.27, 0.15, 0.73, 0.27, RED),  # the title in red
    (0.22, 0.33, 0.78, 0.36, RED),  # the red rule
    (0.33, 0.45, 0.73, 0.50, TEXT),
    (0.27, 0.56, 0.73, 0.61, TEXT),
    (0.27, 0.67, 0.73, 0.72, TEXT),
    (0.33, 0.78, 0.62, 0.83, TEXT),
]


def pixel(x, y, size):
    """RGBA of one pixel, averaged over its samples."""
    r = g = b = a = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            u = (x + (sx + 0.5) / SAMPLES) / size
            v = (y + (sy + 0.5) / SAMPLES) / size
            colour = None
            for x0, y0, x1, y1, c in SHAPES:
                if x0 <= u < x1 and y0 <= v < y1:
                    colour = c
            if colour:
                r, g, b, a = r + colour[0], g + colour[1], b + colour[2], a + 1
    if a == 0:
        return (0, 0, 0, 0)
    return (r // a, g // a, b // a, 255 * a // (SAMPLES * SAMPLES))


def png(size):
    rows = b"".join(
        b"\x00" + bytes(c for x in range(size) for c in pixel(x, y, size))
        for y in range(size)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def ico():
    images = [png(size) for size in SIZES]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, image in zip(SIZES, images):
        side = 0 if size == 256 else size
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return out + b"".join(images)


if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zongjie.ico")
    with open(path, "wb") as f:
        f.write(ico())
    print(path)
