"""Stdlib handlers behind the ``single``, ``daily`` and ``stderr`` drivers.

They create their directories, turn "cannot open" into :class:`LogConfigError` at build time,
and raise :class:`LogWriteError` when a write fails later (instead of the standard library's
habit of printing the error and carrying on), so a broken log is noticed.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

from parvel.log.exceptions import LogConfigError, LogWriteError

__all__ = ["DailyFileHandler", "FileHandler", "StreamHandler"]

_FIX = "Make the directory writable by the app's user, or change 'path' in config/logging.py."


class _RaiseOnError(logging.Handler):
    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        target = getattr(self, "baseFilename", None) or "the log stream"
        raise LogWriteError(
            f"Could not write a log line to {target}: {error}.",
            hint="Check the disk space and permissions, or set 'ignore_exceptions' on the stack.",
        ) from error


def _prepare(path: Path, channel: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LogConfigError(
            f"Cannot create the log directory {path.parent} for channel {channel!r}: "
            f"{error.strerror or error}.",
            hint=_FIX,
        ) from None


def _open_error(path: Path, channel: str, error: OSError) -> LogConfigError:
    return LogConfigError(
        f"Cannot open the log file {path} for channel {channel!r}: {error.strerror or error}.",
        hint=_FIX,
    )


class FileHandler(_RaiseOnError, logging.FileHandler):
    """Appends lines to one file (the ``single`` driver), creating its directory.

    Args:
        path: The log file.
        channel: The channel name, for error messages.
        permission: Optional file mode (e.g. ``0o664``) applied when the file is opened.

    Raises:
        LogConfigError: The directory cannot be created or the file cannot be opened.
    """

    def __init__(self, path: Path, channel: str = "single", permission: int | None = None) -> None:
        _prepare(path, channel)
        self.permission = permission
        try:
            super().__init__(path, mode="a", encoding="utf-8")
        except OSError as error:
            raise _open_error(path, channel, error) from None

    def _open(self) -> Any:
        stream = super()._open()
        if self.permission is not None:
            os.chmod(self.baseFilename, self.permission)
        return stream


class DailyFileHandler(_RaiseOnError, logging.FileHandler):
    """Writes to one file per day, named like Laravel's: ``parvel.log`` → ``parvel-2026-11-23.log``.

    The day comes from each record's timestamp in ``timezone``. When a new day's file is
    opened, the oldest dated files beyond ``days`` are deleted (``days=0`` keeps everything).

    Args:
        path: The configured path; the date is inserted before the extension.
        days: How many daily files to keep, today's included.
        timezone: The timezone deciding where a day starts.
        today: The day to open first (defaults to today in ``timezone``).
        channel: The channel name, for error messages.
        permission: Optional file mode applied when a file is opened.

    Raises:
        LogConfigError: The directory cannot be created or the file cannot be opened.
    """

    def __init__(
        self,
        path: Path,
        days: int = 14,
        timezone: tzinfo = UTC,
        today: date | None = None,
        channel: str = "daily",
        permission: int | None = None,
    ) -> None:
        _prepare(path, channel)
        self.template = path.absolute()
        self.days = days
        self.timezone = timezone
        self.permission = permission
        self.channel = channel
        self.current = today or datetime.now(timezone).date()
        dated = self.path_for(self.current)
        try:
            super().__init__(dated, mode="a", encoding="utf-8")
        except OSError as error:
            raise _open_error(dated, channel, error) from None
        self.prune()

    def path_for(self, day: date) -> Path:
        """Return the file path used for ``day``."""
        return self.template.with_name(
            f"{self.template.stem}-{day.isoformat()}{self.template.suffix}"
        )

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record``, switching to a new file (and pruning) when its day changed."""
        day = datetime.fromtimestamp(record.created, self.timezone).date()
        if day != self.current:
            try:
                self._switch(day)
            except OSError:
                self.handleError(record)
                return
        super().emit(record)

    def _switch(self, day: date) -> None:
        self.current = day
        if self.stream is not None:
            self.stream.close()
        self.baseFilename = os.fspath(self.path_for(day).absolute())
        self.template.parent.mkdir(parents=True, exist_ok=True)
        self.stream = self._open()
        self.prune()

    def _open(self) -> Any:
        stream = super()._open()
        if self.permission is not None:
            os.chmod(self.baseFilename, self.permission)
        return stream

    def prune(self) -> list[Path]:
        """Delete the oldest dated files beyond ``days``; return the deleted paths."""
        if self.days <= 0:
            return []
        pattern = re.compile(
            re.escape(self.template.stem) + r"-\d{4}-\d{2}-\d{2}" + re.escape(self.template.suffix)
        )
        try:
            dated = sorted(
                (p for p in self.template.parent.iterdir() if pattern.fullmatch(p.name)),
                reverse=True,
            )
        except OSError:
            return []
        deleted: list[Path] = []
        for old in dated[self.days :]:
            try:
                old.unlink()
                deleted.append(old)
            except OSError:
                continue
        return deleted


class StreamHandler(_RaiseOnError, logging.StreamHandler[TextIO]):
    """Writes to the process's stderr or stdout, looked up at each write.

    Looking the stream up each time keeps working when the stream is replaced (pytest's
    capture, a daemoniser).

    Args:
        name: ``"stderr"`` (default) or ``"stdout"``.
    """

    def __init__(self, name: str = "stderr") -> None:
        super().__init__()
        self.stream_name = name

    @property
    def stream(self) -> TextIO:
        """The current ``sys.stderr`` or ``sys.stdout``."""
        return sys.stdout if self.stream_name == "stdout" else sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass
