"""Value helpers shared by the rules: numeric checks, emptiness, sizes (internal)."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any, TypeGuard

from parvel.validation.contracts import UploadedFileLike

_NUMERIC = re.compile(
    r"^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$", re.ASCII
)
_TRIM = " \t\n\r\0\x0b"


def is_number(value: Any) -> bool:
    """True for a real ``int``/``float`` (never ``bool``), finite."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, Decimal) and value.is_finite()


def is_numeric(value: Any) -> bool:
    """PHP's ``is_numeric``: numbers and numeric strings ("12", "-1.5", "1e3")."""
    if isinstance(value, str):
        return len(value) < 400 and _NUMERIC.match(value) is not None
    return is_number(value)


def to_number(value: Any) -> int | float | Decimal:
    """Convert a numeric value (see :func:`is_numeric`) to a number."""
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("+-").isdigit():
            return int(text)
        return float(text)
    if isinstance(value, int | float | Decimal):
        return value
    raise TypeError(f"not numeric: {value!r}")


def to_decimal(value: Any) -> Decimal | None:
    """Exact decimal of a numeric value, or ``None``."""
    if not is_numeric(value):
        return None
    try:
        return Decimal(value.strip() if isinstance(value, str) else str(value))
    except (InvalidOperation, ValueError):
        return None


def php_str(value: Any) -> str:
    """String form used when comparing with rule parameters."""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if hasattr(value, "value") and hasattr(type(value), "__members__"):
        return php_str(value.value)
    return str(value)


_FILE_TYPES: dict[type, bool] = {
    str: False,
    int: False,
    float: False,
    bool: False,
    list: False,
    dict: False,
    tuple: False,
    type(None): False,
}


def is_upload(value: Any) -> TypeGuard[UploadedFileLike]:
    """Fast ``UploadedFileLike`` check, cached per type (the Protocol check is slow)."""
    kind = type(value)
    known = _FILE_TYPES.get(kind)
    if known is None:
        known = _FILE_TYPES[kind] = isinstance(value, UploadedFileLike)
    return known


def upload_ok(value: Any) -> bool:
    """False when an upload object reports a failed upload through ``is_valid()``."""
    check = getattr(value, "is_valid", None)
    return not callable(check) or bool(check())


def is_filled(value: Any) -> bool:
    """Laravel's ``required`` test: not None, not blank, not an empty collection/file."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip(_TRIM) != ""
    if isinstance(value, list | tuple | dict | set | frozenset):
        return len(value) > 0
    if is_upload(value):
        return bool(value.filename) or value.size > 0
    return True


def is_blank_string(value: Any) -> bool:
    return isinstance(value, str) and value.strip(_TRIM) == ""


def loose_in(value: Any, candidates: tuple[Any, ...]) -> bool:
    """Compare ``value`` with rule parameters the way ``required_if`` and friends do.

    Booleans match ``true``/``false`` (and ``1``/``0``), ``None`` matches ``null``; other
    values compare by their string form (and numerically when both sides are numeric).
    """
    if isinstance(value, bool):
        for candidate in candidates:
            if candidate is value:
                return True
            if isinstance(candidate, str) and candidate.lower() in (
                ("true", "1") if value else ("false", "0")
            ):
                return True
        return False
    if value is None:
        return any(c is None or (isinstance(c, str) and c.lower() == "null") for c in candidates)
    text = php_str(value)
    numeric = is_numeric(value)
    for candidate in candidates:
        candidate_text = php_str(candidate)
        if candidate_text == text:
            return True
        if (
            numeric
            and is_numeric(candidate_text)
            and to_decimal(candidate_text) == to_decimal(value)
        ):
            return True
    return False


def size_type(value: Any, numeric_rule: bool) -> str:
    """The kind of a value for size rules: ``numeric``, ``array``, ``file`` or ``string``."""
    if is_number(value) or (numeric_rule and is_numeric(value)):
        return "numeric"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return "array"
    if is_upload(value):
        return "file"
    return "string"


def size_of(value: Any, numeric_rule: bool) -> int | float | Decimal:
    """Size used by min/max/size/between/gt/...: value, count, kilobytes or length."""
    if type(value) is str and not numeric_rule:
        return len(value)
    kind = size_type(value, numeric_rule)
    if kind == "numeric":
        return to_number(value)
    if kind == "array":
        return len(value)
    if kind == "file":
        return int(value.size) / 1024
    return len(php_str(value)) if not isinstance(value, str) else len(value)


def format_number(value: Any) -> str:
    """Display a number in messages (``5`` not ``5.0``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
