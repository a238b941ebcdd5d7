"""Uploaded files: ``request.file("avatar")`` and ``await file.store("avatars")``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path, PurePosixPath

from starlette.datastructures import UploadFile


class UploadedFile:
    """A file from a multipart request.

    ``store``/``store_as`` write under the app's ``storage/app`` folder until the storage
    component provides disks; they return the path relative to that folder.
    """

    def __init__(self, upload: UploadFile, storage_root: Path | None = None) -> None:
        self.upload = upload
        self._root = storage_root

    @property
    def size(self) -> int:
        """The size in bytes."""
        return int(self.upload.size or 0)

    @property
    def filename(self) -> str | None:
        """The client's file name (what the validation file rules read)."""
        return self.upload.filename

    @property
    def content_type(self) -> str | None:
        """The declared content type (what the validation file rules read)."""
        return self.upload.content_type

    def head(self, length: int) -> bytes:
        """The first ``length`` bytes, without consuming the file (type and size sniffing)."""
        handle = self.upload.file
        position = handle.tell()
        try:
            handle.seek(0)
            return bytes(handle.read(length))
        finally:
            handle.seek(position)

    def client_original_name(self) -> str:
        """The file name the browser sent (untrusted)."""
        return PurePosixPath(self.upload.filename or "").name

    def client_original_extension(self) -> str:
        """The extension of the client's file name (untrusted)."""
        return PurePosixPath(self.client_original_name()).suffix.lstrip(".").lower()

    def extension(self) -> str:
        """The extension guessed from the content type, else the client's."""
        import mimetypes

        guessed = mimetypes.guess_extension(self.mime_type() or "") or ""
        return guessed.lstrip(".") or self.client_original_extension()

    def mime_type(self) -> str | None:
        """The content type the client declared."""
        return self.upload.content_type

    def is_valid(self) -> bool:
        """Whether the upload arrived (has a name)."""
        return bool(self.upload.filename)

    async def read(self) -> bytes:
        """The whole content."""
        await self.upload.seek(0)
        return await self.upload.read()

    def hash_name(self) -> str:
        """A random file name keeping the extension."""
        extension = self.extension()
        return secrets.token_hex(20) + (f".{extension}" if extension else "")

    def get_client_original_name(self) -> str:
        """Alias of :meth:`client_original_name`."""
        return self.client_original_name()

    def get_client_original_extension(self) -> str:
        """Alias of :meth:`client_original_extension`."""
        return self.client_original_extension()

    def get_size(self) -> int:
        """The size in bytes."""
        return self.size

    def get_mime_type(self) -> str | None:
        """Alias of :meth:`mime_type`."""
        return self.mime_type()

    async def store(
        self, path: str = "", name: str | None = None, *, disk: str | None = None
    ) -> str:
        """Save under ``storage/app/<path>`` with a random name; return the relative path."""
        return await self.store_as(path, name or self.hash_name(), disk=disk)

    async def store_publicly(
        self, path: str = "", name: str | None = None, *, disk: str | None = None
    ) -> str:
        """Like :meth:`store` (visibility comes with the storage component's disks)."""
        return await self.store(path, name, disk=disk)

    async def store_as(self, path: str, name: str, *, disk: str | None = None) -> str:
        """Save under ``storage/app/<path>/<name>``; return the relative path.

        Raises:
            ValueError: ``disk`` is not ``"local"`` (other disks come with the storage
                component).
        """
        if disk not in (None, "local"):
            raise ValueError(
                f"Disk [{disk}] is not available: uploads are stored on the local disk "
                "(storage/app) until the storage component provides disks."
            )
        if self._root is None:
            raise RuntimeError("No storage root: the request was not served by a Parvel app.")
        relative = PurePosixPath(path.strip("/")) / PurePosixPath(name).name
        target = (self._root / relative).resolve()
        if not str(target).startswith(str(self._root.resolve()) + os.sep):
            raise ValueError(f"'{relative}' escapes the storage folder.")
        content = await self.read()
        target.parent.mkdir(parents=True, exist_ok=True)
        import anyio

        await anyio.Path(target).write_bytes(content)
        return str(relative)
