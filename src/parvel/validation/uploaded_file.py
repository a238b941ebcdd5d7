"""A simple uploaded file for tests and standalone use of the file rules."""

from __future__ import annotations

import mimetypes
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
