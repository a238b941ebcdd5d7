"""Laravel's eight log levels on top of the standard library's numeric levels.

Laravel (RFC 5424) has three levels the standard library lacks; Parvel adds them between and
above the stdlib ones and registers their names with :func:`logging.addLevelName`:

========== ===== ==========================
level      value stdlib equivalent
========== ===== ==========================
debug      10    ``logging.DEBUG``
info       20    ``logging.INFO``
notice     25    (new) ``NOTICE``
warning    30    ``logging.WARNING``
error      40    ``logging.ERROR``
critical   50    ``logging.CRITICAL``
alert      55    (new) ``ALERT``
emergency  60    (new) ``EMERGENCY``
========== ===== ==========================
"""

from __future__ import annotations

import logging

from parvel.log.exceptions import LogError

__all__ = ["ALERT", "EMERGENCY", "LEVELS", "NOTICE", "parse_level"]

NOTICE = 25
ALERT = 55
EMERGENCY = 60

#: Laravel level names mapped to numeric levels.
LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "notice": NOTICE,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
    "alert": ALERT,
    "emergency": EMERGENCY,
}

for _name, _value in LEVELS.items():
    logging.addLevelName(_value, _name.upper())


def parse_level(level: str | int) -> int:
    """Turn a level name (``"notice"``, ``"WARNING"``, ``"warn"``) or number into a number.

    Raises:
        LogError: The name is not one of Laravel's eight levels (or ``warn``), or the number
            is negative.
    """
    if isinstance(level, bool):
        raise LogError(f"Invalid log level {level!r}.", hint=_HINT)
    if isinstance(level, int):
        if level < 0:
            raise LogError(f"Invalid log level {level!r}.", hint=_HINT)
        return level
    if isinstance(level, str):
        name = level.strip().lower()
        if name == "warn":
            name = "warning"
        if name in LEVELS:
            return LEVELS[name]
    raise LogError(f"Invalid log level {level!r}.", hint=_HINT)


_HINT = "Use one of: " + ", ".join(LEVELS) + "."
