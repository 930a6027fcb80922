"""Draws the Kongthun icon (a gold coin on a green rounded square) as PNG files for the
Tauri shell, with nothing but the standard library. Run: python3 assets/make_icon.py"""
import struct, zlib, math, pathlib

def png(size):
    rows = []
    r_corner = size * 0.2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            # rounded square mask
            dx = max(r_corner - cx, cx - (size - r_corner), 0)
            dy = max(r_corner - cy, cy - (size - r_corner), 0)
            inside = math.hypot(dx, dy) <= r_corner
            if not inside:
                row += bytes([0, 0, 0, 0]); continue
            d = math.hypot(cx - size / 2, cy - size / 2) / (size / 2)
            if d < 0.50:
                col = (250, 204, 21)        # coin face
            elif d < 0.62:
                col = (202, 138, 4)         # coin rim
            else:
                col = (21, 128, 61)         # green field
            if 0.50 > d and abs(cx - size / 2) < size * 0.05 and abs(cy - size / 2) < size * 0.28:
                col = (161, 98, 7)          # the slot of a coin box
            row += bytes([*col, 255])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = pathlib.Path(__file__).resolve().parent.parent / "src-tauri" / "icons"
out.mkdir(parents=True, exist_ok=True)
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    (out / name).write_bytes(png(size))
