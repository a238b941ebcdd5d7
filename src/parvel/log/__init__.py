"""Logging for Parvel: Laravel-style channels (stack, single, daily, stderr, json) on stdlib logging.

Usable without an Application::

    from parvel.log import LogManager

    log = LogManager({"default": "stderr", "channels": {"stderr": {"driver": "stderr"}}})
    log.info("User {id} logged in", {"id": 1})

See ``docs/logging.md``.
"""

from __future__ import annotations

from parvel.log.context import add_log_context, current_log_context, log_context, request_id
from parvel.log.drivers import DriverContext, LogDriver
from parvel.log.exceptions import LogConfigError, LogError, LogWriteError
from parvel.log.formatters import JsonFormatter, TextFormatter
from parvel.log.handlers import DailyFileHandler, FileHandler, StreamHandler
from parvel.log.levels import ALERT, EMERGENCY, LEVELS, NOTICE, parse_level
from parvel.log.logger import Logger, LogListener, MessageLogged
from parvel.log.manager import DEFAULT_CONFIG, LogManager

__all__ = [
    "ALERT",
    "DEFAULT_CONFIG",
    "EMERGENCY",
    "LEVELS",
    "NOTICE",
    "DailyFileHandler",
    "DriverContext",
    "FileHandler",
    "JsonFormatter",
    "LogConfigError",
    "LogDriver",
    "LogError",
    "LogListener",
    "LogManager",
    "LogWriteError",
    "Logger",
    "MessageLogged",
    "StreamHandler",
    "TextFormatter",
    "add_log_context",
    "current_log_context",
    "log_context",
    "parse_level",
    "request_id",
]
