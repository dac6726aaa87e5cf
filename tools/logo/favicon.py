#!/usr/bin/env python3
"""Draws the webapps' favicon.ico from the shapes of app/kerjasama-logo.svg (no image library needed).

The webapps' pages name $APP_ROOT/favicon.ico; ours, at the same classpath path as the webjar's, replaces
Camunda's icon. Run from the project root after changing the logo:
    tools/logo/favicon.py
The shapes below are those of src/main/resources/META-INF/resources/webjars/camunda/app/kerjasama-logo.svg
(viewBox 64x64); keep the two in step.
"""
import math
import struct
import zlib

OUT = "src/main/resources/META-INF/resources/webjars/camunda/favicon.ico"
BLUE = (0x0b, 0x3c, 0x5d)
RED = (0xb9, 0x1c, 0x1c)
WHITE = (0xff, 0xff, 0xff)
EDGE = (0xd5, 0xdd, 0xe5)


def in_rounded(x, y, lo, hi, r):
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return lo <= x <= hi and lo <= y <= hi and (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def on_ring(x, y, cx, cy):
    return abs(math.hypot(x - cx, y - cy) - 13) <= 3.5


def colour(x, y):
    """The logo's colour at (x, y) in its 64x64 viewBox, or None outside it."""
    if not in_rounded(x, y, 0, 64, 13):
        return None
    c = WHITE if in_rounded(x, y, 2, 62, 11) else EDGE
    if on_ring(x, y, 24, 32):
        c = BLUE
    if on_ring(x, y, 40, 32):
        c = RED
    angle = math.degrees(math.atan2(y - 32, x - 24))
    if on_ring(x, y, 24, 32) and -72 <= angle <= -32:
        c = BLUE  # the blue ring passes over the red one at the top: linked
    return c


def png(size, samples=4):
    rows = b""
    for py in range(size):
        row = b"\0"
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour((px + (sx + 0.5) / samples) * 64 / size, (py + (sy + 0.5) / samples) * 64 / size)
                    if c:
                        acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 1]
            n = samples * samples
            row += bytes([acc[0] // acc[3], acc[1] // acc[3], acc[2] // acc[3], 255 * acc[3] // n] if acc[3] else [0, 0, 0, 0])
        rows += row

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


images = [png(16), png(32)]
header = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
entries = b""
for size, data in zip((16, 32), images):
    entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open(OUT, "wb") as f:
    f.write(header + entries + b"".join(images))
