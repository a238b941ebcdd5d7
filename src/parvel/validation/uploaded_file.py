"""A simple uploaded file for tests and standalone use of the file rules."""

from __future__ import annotations

import mimetypes
import struct
import zlib
from pathlib import Path


class UploadedFile:
    """An uploaded file held in memory or on disk; implements ``UploadedFileLike``.

    Example:
        >>> f = UploadedFile("avatar.png", b"...")
        >>> f.extension()
        'png'
    """

    def __init__(
        self,
        filename: str | None,
        content: bytes | None = None,
        *,
        path: str | Path | None = None,
        content_type: str | None = None,
        error: str | None = None,
    ) -> None:
        """Create a file from bytes or from a path on disk.

        Args:
            filename: The client file name (its extension is what ``extensions`` checks).
            content: The file content; leave ``None`` when ``path`` is given.
            path: A file on disk holding the content.
            content_type: The MIME type the client claimed; guessed from the name if omitted.
            error: Why the upload failed (e.g. too large for the server), or ``None``.
        """
        if content is None and path is None:
            content = b""
        self.filename = filename
        self.error = error
        self.path = Path(path) if path is not None else None
        self._content = content
        self.content_type = content_type or (
            mimetypes.guess_type(filename)[0] if filename else None
        )
        self.size = len(content) if content is not None else Path(str(path)).stat().st_size

    @classmethod
    def fake(
        cls, filename: str, kilobytes: int = 0, content_type: str | None = None
    ) -> UploadedFile:
        """Create a file of ``kilobytes`` KB of zero bytes (like Laravel's ``UploadedFile::fake()``).

        Args:
            filename: The client file name.
            kilobytes: The size in kilobytes.
            content_type: The claimed MIME type.

        Returns:
            A new in-memory file.
        """
        return cls(filename, b"\0" * (kilobytes * 1024), content_type=content_type)

    @classmethod
    def fake_image(cls, filename: str, width: int = 10, height: int = 10) -> UploadedFile:
        """Create an image of ``width`` x ``height`` (Laravel's ``UploadedFile::fake()->image()``).

        The format follows the extension: PNG, GIF and BMP files are real images; a
        ``.jpg``/``.jpeg`` file holds JPEG headers carrying the size. Enough for the
        ``image``, ``mimes`` and ``dimensions`` rules.

        Args:
            filename: The client file name; its extension picks the format (PNG by default).
            width: The width in pixels.
            height: The height in pixels.

        Returns:
            A new in-memory file.
        """
        extension = filename.rpartition(".")[2].lower() if "." in filename else "png"
        maker = _IMAGE_MAKERS.get(extension, _png)
        mime = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif"}.get(
            extension, "image/bmp" if extension == "bmp" else "image/png"
        )
        return cls(filename, maker(width, height), content_type=mime)

    def is_valid(self) -> bool:
        """Tell whether the upload succeeded (file rules report ``uploaded`` otherwise).

        Returns:
            ``True`` when no upload error was recorded.
        """
        return self.error is None

    def head(self, length: int) -> bytes:
        """Return up to ``length`` bytes from the start of the content.

        Args:
            length: The maximum number of bytes.

        Returns:
            The first bytes.
        """
        if self._content is not None:
            return self._content[:length]
        assert self.path is not None
        with self.path.open("rb") as handle:
            return handle.read(length)

    def extension(self) -> str:
        """Return the lowercase extension of the client file name, without the dot.

        Returns:
            For example ``"png"``, or ``""`` without an extension.
        """
        name = self.filename or ""
        return name.rpartition(".")[2].lower() if "." in name else ""

    def __repr__(self) -> str:
        return f"UploadedFile({self.filename!r}, size={self.size})"


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\0" + b"\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _gif(width: int, height: int) -> bytes:
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return b"GIF89a" + screen + image + b"\x02\x02\x44\x01\x00\x3b"


def _bmp(width: int, height: int) -> bytes:
    row = (width * 3 + 3) & ~3
    pixels = b"\xff" * (row * height)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    header = b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info))
    return header + info + pixels


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


_IMAGE_MAKERS = {"png": _png, "gif": _gif, "bmp": _bmp, "jpg": _jpeg, "jpeg": _jpeg}
