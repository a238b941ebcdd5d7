"""Errors raised by :mod:`parvel.log`.

::

    ParvelError
    └── LogError                 a log call is invalid (unknown level, ...)
        ├── LogConfigError       config/logging.py has an unknown driver, a missing path, ...
        └── LogWriteError        a log line could not be written (disk full, file removed, ...)
"""

from __future__ import annotations

from parvel.exceptions import ParvelError

__all__ = ["LogConfigError", "LogError", "LogWriteError"]


class LogError(ParvelError):
    """A logging call could not be carried out."""

    code = "log-error"


class LogConfigError(LogError):
    """A log channel is misconfigured: unknown driver, missing path, unwritable directory."""

    code = "log-config"


class LogWriteError(LogError):
    """A log handler failed to write a line (raised unless the stack ignores exceptions)."""

    code = "log-write"
