"""The ``file`` session driver: one file per session in storage/framework/sessions."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from parvel.support import clock


class FileSessionHandler:
    """Stores each session in ``<path>/<id>``; file modification time is the last activity."""

    def __init__(self, path: str | Path, lifetime_minutes: int = 120) -> None:
        self.path = Path(path)
        self.lifetime = lifetime_minutes * 60

    def _file(self, session_id: str) -> Path:
        return self.path / session_id

    async def read(self, session_id: str) -> str:
        """The payload, or ``""`` when missing or expired."""
        return await asyncio.to_thread(self._read, session_id)

    def _read(self, session_id: str) -> str:
        file = self._file(session_id)
        try:
            if file.stat().st_mtime < clock.timestamp() - self.lifetime:
                return ""
            return file.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return ""

    async def write(self, session_id: str, payload: str) -> None:
        """Write the payload atomically (temp file + rename)."""
        await asyncio.to_thread(self._write, session_id, payload)

    def _write(self, session_id: str, payload: str) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        file = self._file(session_id)
        tmp = file.with_name(f".{session_id}.tmp")
        tmp.write_text(payload, encoding="utf-8")
        os.replace(tmp, file)
        now = clock.timestamp()
        os.utime(file, (now, now))

    async def destroy(self, session_id: str) -> None:
        """Delete the session file."""
        self._file(session_id).unlink(missing_ok=True)

    async def gc(self, lifetime_seconds: int) -> int:
        """Delete session files untouched for longer than ``lifetime_seconds``."""
        return await asyncio.to_thread(self._gc, lifetime_seconds)

    def _gc(self, lifetime_seconds: int) -> int:
        if not self.path.is_dir():
            return 0
        cutoff = clock.timestamp() - lifetime_seconds
        removed = 0
        for file in self.path.iterdir():
            if file.name.startswith(".") or not file.is_file():
                continue
            try:
                if file.stat().st_mtime < cutoff:
                    file.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed
