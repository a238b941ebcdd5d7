"""The on-disk cache of compiled templates (``storage/framework/views`` in apps).

Entries are keyed by the template path, a hash of its content, the compiler signature and the
Python version; each holds the marshalled code object (``<key>.bin``) next to the generated
Python source (``<key>.py``, for reading only).
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import re
import sys
import types
from pathlib import Path

_MAGIC = importlib.util.MAGIC_NUMBER
_KEY_RE = re.compile(r"[0-9a-f]{40}")


class TemplateCache:
    """Stores compiled templates in a directory (or nowhere when ``directory`` is ``None``)."""

    def __init__(self, directory: str | os.PathLike[str] | None) -> None:
        self.directory = Path(directory) if directory is not None else None

    @staticmethod
    def key(path: str, source: str, signature: str) -> str:
        """The cache key of a template path and content."""
        digest = hashlib.sha256()
        for part in (sys.version, signature, path):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:40]

    def load(self, key: str) -> types.CodeType | None:
        """The cached code object for ``key``, or ``None``."""
        if self.directory is None:
            return None
        try:
            data = (self.directory / f"{key}.bin").read_bytes()
        except OSError:
            return None
        if not data.startswith(_MAGIC):
            return None
        try:
            code = marshal.loads(data[len(_MAGIC) :])
        except (EOFError, ValueError, TypeError):
            return None
        return code if isinstance(code, types.CodeType) else None

    def store(self, key: str, code: types.CodeType, source: str) -> None:
        """Write an entry atomically (a failed write only loses the cache)."""
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for suffix, data in ((".py", source.encode()), (".bin", _MAGIC + marshal.dumps(code))):
                target = self.directory / f"{key}{suffix}"
                temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
                temporary.write_bytes(data)
                os.replace(temporary, target)
        except OSError:
            return

    def clear(self) -> int:
        """Delete every cached entry; returns how many files were removed."""
        if self.directory is None or not self.directory.is_dir():
            return 0
        removed = 0
        for entry in self.directory.iterdir():
            stem = entry.name.split(".", 1)[0]
            if _KEY_RE.fullmatch(stem) and entry.is_file():
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
