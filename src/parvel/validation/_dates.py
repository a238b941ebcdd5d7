"""Date parsing for the date rules, and PHP date-format translation (internal).

Accepted inputs: ``date``/``datetime`` objects, ISO-8601 strings, a set of common formats
(``2024/01/31``, ``01/31/2024`` as month/day like PHP, ``31-01-2024``, ``31.01.2024``,
``31 January 2024``, ``January 31, 2024``) and, where a relative date is allowed
(``after:tomorrow``), ``now``, ``today``, ``tomorrow``, ``yesterday``, ``+N unit`` and
``N unit ago``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

_FORMATS = (
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%d-%m-%Y",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%b %d, %Y",
    "%a, %d %b %Y %H:%M:%S %z",
)
_RELATIVE = re.compile(
    r"^([+-]?\d{1,6})\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?(\s+ago)?$"
)
_UNIT_SECONDS = {
    "second": 1,
    "sec": 1,
    "minute": 60,
    "min": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "fortnight": 1209600,
}


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@lru_cache(maxsize=1024)
def _parse_absolute(text: str) -> datetime | None:
    candidate = text.strip()
    if not candidate or len(candidate) > 64:
        return None
    try:
        iso = candidate[:-1] + "+00:00" if candidate[-1] in "zZ" else candidate
        return _naive_utc(datetime.fromisoformat(iso))
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return _naive_utc(datetime.strptime(candidate, fmt))
        except ValueError:
            continue
    return None


def _parse_relative(text: str) -> datetime | None:
    word = " ".join(text.strip().lower().split())
    today = now().replace(hour=0, minute=0, second=0, microsecond=0)
    simple = {
        "now": now(),
        "today": today,
        "midnight": today,
        "tomorrow": today + timedelta(days=1),
        "yesterday": today - timedelta(days=1),
    }
    if word in simple:
        return simple[word]
    match = _RELATIVE.match(word)
    if not match:
        return None
    amount = int(match.group(1)) * (-1 if match.group(3) else 1)
    unit = match.group(2)
    base = now()
    if unit in _UNIT_SECONDS:
        return base + timedelta(seconds=amount * _UNIT_SECONDS[unit])
    months = amount * (12 if unit == "year" else 1)
    year, month = divmod(base.month - 1 + months, 12)
    try:
        return base.replace(year=base.year + year, month=month + 1)
    except ValueError:
        return base.replace(year=base.year + year, month=month + 1, day=28)


def parse_date(value: object, relative: bool = False) -> datetime | None:
    """Parse ``value`` into a naive UTC datetime, or ``None`` when it is not a date."""
    if isinstance(value, datetime):
        return _naive_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    parsed = _parse_absolute(value)
    if parsed is None and relative:
        parsed = _parse_relative(value)
    return parsed


# PHP date() letters -> strptime directives. Letters without a strptime twin are rejected.
_PHP_TO_STRPTIME = {
    "d": "%d",
    "j": "%d",
    "D": "%a",
    "l": "%A",
    "m": "%m",
    "n": "%m",
    "M": "%b",
    "F": "%B",
    "Y": "%Y",
    "y": "%y",
    "H": "%H",
    "G": "%H",
    "h": "%I",
    "g": "%I",
    "i": "%M",
    "s": "%S",
    "A": "%p",
    "a": "%p",
    "u": "%f",
    "v": "%f",
    "O": "%z",
    "P": "%z",
    "p": "%z",
    "T": "%Z",
    "e": "%Z",
    "U": "%s",
}


@lru_cache(maxsize=256)
def translate_format(php_format: str) -> str:
    """Translate a PHP ``date()`` format ("Y-m-d H:i") into a ``strptime`` format."""
    out: list[str] = []
    escape = False
    for char in php_format:
        if escape:
            out.append("%%" if char == "%" else char)
            escape = False
        elif char == "\\":
            escape = True
        elif char in _PHP_TO_STRPTIME:
            out.append(_PHP_TO_STRPTIME[char])
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


def _php_format(value: datetime, php_format: str) -> str:
    out: list[str] = []
    escape = False
    for char in php_format:
        if escape:
            out.append(char)
            escape = False
            continue
        if char == "\\":
            escape = True
            continue
        out.append(_format_letter(value, char))
    return "".join(out)


def _format_letter(value: datetime, char: str) -> str:
    hour12 = value.hour % 12 or 12
    table = {
        "d": f"{value.day:02d}",
        "j": str(value.day),
        "D": value.strftime("%a"),
        "l": value.strftime("%A"),
        "m": f"{value.month:02d}",
        "n": str(value.month),
        "M": value.strftime("%b"),
        "F": value.strftime("%B"),
        "Y": f"{value.year:04d}",
        "y": f"{value.year % 100:02d}",
        "H": f"{value.hour:02d}",
        "G": str(value.hour),
        "h": f"{hour12:02d}",
        "g": str(hour12),
        "i": f"{value.minute:02d}",
        "s": f"{value.second:02d}",
        "A": "AM" if value.hour < 12 else "PM",
        "a": "am" if value.hour < 12 else "pm",
        "u": f"{value.microsecond:06d}",
        "v": f"{value.microsecond // 1000:03d}",
    }
    return table.get(char, char)


def matches_format(value: object, php_format: str) -> datetime | None:
    """Parse ``value`` strictly with a PHP format; ``None`` when it does not match exactly."""
    if not isinstance(value, str) or len(value) > 128:
        return None
    if php_format == "U":
        if not value.isdecimal() or not value.isascii() or len(value) > 12:
            return None
        return datetime.fromtimestamp(int(value), UTC).replace(tzinfo=None)
    try:
        parsed = datetime.strptime(value, translate_format(php_format))
    except (ValueError, OverflowError, re.error):
        return None
    if "v" in php_format and parsed.microsecond % 1000:
        return None
    if any(letter in php_format for letter in "OPpTeU"):
        return _naive_utc(parsed)
    if _php_format(parsed, php_format) != value:
        return None
    return parsed
