"""Content sniffing and image-size reading from file headers, without Pillow (internal).

Reads PNG, GIF, JPEG, WebP (VP8, VP8L, VP8X) and BMP headers; SVG is recognised by its
``<svg`` tag.
"""

from __future__ import annotations

import struct

HEAD_BYTES = 65536

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"\x00\x00\x01\x00", "image/vnd.microsoft.icon"),
)


def sniff_mime(head: bytes) -> str | None:
    """Guess a MIME type from the first bytes, or ``None`` when unknown."""
    for signature, mime in _SIGNATURES:
        if head.startswith(signature):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "image/avif" if brand in (b"avif", b"avis") else "video/mp4"
    text = head[:1024].lstrip()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in head[:4096]):
        return "image/svg+xml"
    if head and b"\x00" not in head[:1024]:
        try:
            head[:1024].decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "text/plain"
    return None


def image_size(head: bytes) -> tuple[int, int] | None:
    """Return ``(width, height)`` read from an image header, or ``None``."""
    try:
        return _image_size(head)
    except (struct.error, IndexError, ValueError):
        return None


def _image_size(head: bytes) -> tuple[int, int] | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return int(width), int(height)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", head[6:10])
        return int(width), int(height)
    if head.startswith(b"BM"):
        width, height = struct.unpack("<ii", head[18:26])
        return abs(int(width)), abs(int(height))
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp_size(head)
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(head):
        if head[index] != 0xFF:
            index += 1
            continue
        marker = head[index + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            index += 1 if marker == 0xFF else 2
            continue
        length = int.from_bytes(head[index + 2 : index + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(head[index + 5 : index + 7], "big")
            width = int.from_bytes(head[index + 7 : index + 9], "big")
            return width, height
        if length < 2:
            return None
        index += 2 + length
    return None
