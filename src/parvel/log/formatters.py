"""Formatters: Laravel's one-line text format and JSON lines.

Text (Laravel / Monolog ``LineFormatter`` style)::

    [2026-11-23 10:00:00] local.INFO: User logged in {"id":1} {"request_id":"4f1c..."}

The first JSON object is the line's context, the second the *extra* values (request id and
:func:`~parvel.log.log_context` values); each is left out when empty.

JSON lines (one object per line, Monolog ``JsonFormatter`` field names)::

    {"message":"User logged in","context":{"id":1},"level":20,"level_name":"INFO",
     "channel":"local","datetime":"2026-11-23T10:00:00.123456+00:00","extra":{...}}
"""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime, tzinfo
from typing import Any

import orjson

from parvel.log.context import current_log_context

__all__ = ["JsonFormatter", "TextFormatter"]

_OPTIONS = orjson.OPT_NON_STR_KEYS


def _exception_summary(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__qualname__}: {error}{where}"


def _text_default(value: Any) -> Any:
    if isinstance(value, BaseException):
        return _exception_summary(value)
    return _default(value)


def _default(value: Any) -> Any:
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def _dumps(value: Any, default: Any = _default) -> str:
    try:
        return orjson.dumps(value, default=default, option=_OPTIONS).decode("utf-8")
    except TypeError:
        pass
    try:
        return json.dumps(
            value, default=default, ensure_ascii=False, separators=(",", ":"), skipkeys=True
        )
    except (TypeError, ValueError, RecursionError):
        return json.dumps(str(value), ensure_ascii=False)


def _record_context(record: logging.LogRecord) -> dict[str, Any]:
    context = getattr(record, "parvel_context", None)
    return context if isinstance(context, dict) else {}


def _record_extra(record: logging.LogRecord) -> dict[str, Any]:
    extra = getattr(record, "parvel_extra", None)
    return extra if isinstance(extra, dict) else current_log_context()


def _record_exception(record: logging.LogRecord) -> BaseException | None:
    if record.exc_info and isinstance(record.exc_info[1], BaseException):
        return record.exc_info[1]
    error = _record_context(record).get("exception")
    return error if isinstance(error, BaseException) else None


class _BaseFormatter(logging.Formatter):
    def __init__(self, environment: str = "production", timezone: tzinfo = UTC) -> None:
        super().__init__()
        self.environment = environment
        self.timezone = timezone

    def _datetime(self, record: logging.LogRecord) -> datetime:
        return datetime.fromtimestamp(record.created, self.timezone)


class TextFormatter(_BaseFormatter):
    """Formats records like Laravel's log files: ``[date] env.LEVEL: message {context} {extra}``.

    An exception (in ``context["exception"]`` or the record's ``exc_info``) is summarised in the
    context and its traceback follows on the next lines.

    Args:
        environment: The name shown before the level (Laravel shows the app environment).
        timezone: The timezone of the timestamps.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Render one record as one line (plus a traceback, if any)."""
        stamp = self._datetime(record).strftime("%Y-%m-%d %H:%M:%S")
        line = f"[{stamp}] {self.environment}.{record.levelname}: {record.getMessage()}"
        context = _record_context(record)
        extra = _record_extra(record)
        if context:
            line += " " + _dumps(context, _text_default)
        if extra:
            line += " " + _dumps(extra, _text_default)
        error = _record_exception(record)
        if error is not None:
            trace = "".join(traceback.format_exception(error)).rstrip("\n")
            line += "\n" + trace
        return line


class JsonFormatter(_BaseFormatter):
    """Formats each record as one JSON object per line (orjson).

    Args:
        environment: The value of the ``channel`` field (the app environment).
        timezone: The timezone of the ISO 8601 ``datetime`` field.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Render one record as a single line of JSON."""
        context = dict(_record_context(record))
        error = _record_exception(record)
        if error is not None:
            frames = traceback.extract_tb(error.__traceback__)
            context["exception"] = {
                "class": f"{type(error).__module__}.{type(error).__qualname__}",
                "message": str(error),
                "file": frames[-1].filename if frames else None,
                "line": frames[-1].lineno if frames else None,
                "trace": "".join(traceback.format_exception(error)),
            }
        document = {
            "message": record.getMessage(),
            "context": context,
            "level": record.levelno,
            "level_name": record.levelname,
            "channel": self.environment,
            "datetime": self._datetime(record).isoformat(),
            "extra": _record_extra(record),
        }
        return _dumps(document)
