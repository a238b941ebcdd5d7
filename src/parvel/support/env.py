"""``env()``: read environment variables the way Laravel's config files do.

See docs/configuration.md.
"""

from __future__ import annotations

import os
from typing import Any, TypeVar, overload

from parvel.exceptions import ParvelError

T = TypeVar("T")

_LITERALS: dict[str, Any] = {
    "true": True,
    "(true)": True,
    "false": False,
    "(false)": False,
    "null": None,
    "(null)": None,
    "empty": "",
    "(empty)": "",
}


class EnvError(ParvelError):
    """An environment variable holds a value its default's type cannot take."""

    code = "env-invalid"


@overload
def env(key: str) -> Any: ...


@overload
def env(key: str, default: T) -> T | Any: ...


def env(key: str, default: Any = None) -> Any:
    """Return the environment variable ``key``, cast like Laravel's ``env()``.

    ``true``/``false``/``null``/``empty`` (also in parentheses, any case) become ``True``,
    ``False``, ``None`` and ``""``; a value wrapped in quotes loses them. When ``default`` is an
    ``int`` or ``float`` the value is converted to that type, so ``env("DB_PORT", 5432)`` is an
    ``int``, and with a ``bool`` default ``1/0/yes/no/on/off`` are accepted too; other values
    stay strings (as in Laravel, ``"0123"`` keeps its leading zero).

    Raises:
        EnvError: ``default`` is a number and the variable is not one.
    """
    raw = os.environ.get(key)
    if raw is None:
        return default
    literal = _LITERALS.get(raw.lower(), _NOT_LITERAL)
    if literal is not _NOT_LITERAL:
        return literal
    if len(raw) > 1 and raw[0] == raw[-1] and raw[0] in "\"'":
        raw = raw[1:-1]
    if isinstance(default, bool):
        flag = _FLAGS.get(raw.strip().lower())
        if flag is None:
            raise EnvError(
                f"Environment variable {key}={raw!r} must be true or false: fix it in your .env file."
            )
        return flag
    if default is None or isinstance(default, str):
        return raw
    if isinstance(default, int | float):
        try:
            return type(default)(raw.strip())
        except ValueError:
            kind = "an integer" if isinstance(default, int) else "a number"
            raise EnvError(
                f"Environment variable {key}={raw!r} must be {kind}: fix it in your .env file."
            ) from None
    return raw


_NOT_LITERAL: Any = object()
_FLAGS = {"1": True, "0": False, "yes": True, "no": False, "on": True, "off": False}
