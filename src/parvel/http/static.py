"""Serving files from ``public/`` (development convenience; use a web server in production)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from starlette.responses import Response

from parvel.http.responses import FileResponse


class StaticFiles:
    """Looks up ``public/<path>`` safely: no traversal, no dotfiles, regular files only."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.enabled = self.root.is_dir()

    def lookup(self, path: str) -> Response | None:
        """A file response for ``path``, or ``None``."""
        if not self.enabled or "\x00" in path:
            return None
        parts = [p for p in path.split("/") if p]
        if not parts or any(p in ("..", ".") or p.startswith(".") for p in parts):
            return None
        candidate = os.path.realpath(os.path.join(self.root, *parts))
        if not candidate.startswith(str(self.root) + os.sep):
            return None
        try:
            info = os.stat(candidate)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return FileResponse(candidate, stat_result=info)
