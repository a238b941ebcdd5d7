"""Type and string rules: string, integer, numeric, boolean, array, alpha, digits, in, ..."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from parvel.validation._values import is_number, is_numeric, php_str, to_decimal

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]

_INT = re.compile(r"^[ \t\n\r\v\f]*[+-]?(?:0|[1-9][0-9]*)[ \t\n\r\v\f]*\Z")
_DIGITS = re.compile(r"^\d*\Z", re.ASCII)
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\Z")


def string(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str)


def integer(v: Validator, a: str, value: Any, p: P) -> bool:
    if isinstance(value, bool):
        return False
    if p and p[0] == "strict":
        return isinstance(value, int)
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, str) and len(value) < 400 and _INT.match(value) is not None


def numeric(v: Validator, a: str, value: Any, p: P) -> bool:
    if p and p[0] == "strict":
        return is_number(value)
    return is_numeric(value)


def boolean(v: Validator, a: str, value: Any, p: P) -> bool:
    if value is True or value is False:
        return True
    if p and p[0] == "strict":
        return False
    if isinstance(value, int):
        return value in (0, 1)
    return isinstance(value, str) and value in ("0", "1")


def array(v: Validator, a: str, value: Any, p: P) -> bool:
    if isinstance(value, dict):
        return not p or all(str(k) in p for k in value)
    if isinstance(value, list | tuple):
        return not p or all(str(i) in p for i in range(len(value)))
    return False


def list_(v: Validator, a: str, value: Any, p: P) -> bool:
    if isinstance(value, list | tuple):
        return True
    return isinstance(value, dict) and list(value) in (
        list(range(len(value))),
        [str(i) for i in range(len(value))],
    )


def json(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    try:
        orjson.loads(value)
    except orjson.JSONDecodeError:
        return False
    return True


def _all_categories(value: str, prefixes: str, extra: str = "") -> bool:
    return bool(value) and all(c in extra or unicodedata.category(c)[0] in prefixes for c in value)


def alpha(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    if p and p[0] == "ascii":
        return value.isascii() and value.isalpha()
    return _all_categories(value, "LM")


def alpha_num(v: Validator, a: str, value: Any, p: P) -> bool:
    if is_number(value) and not isinstance(value, float):
        value = str(value)
    if not isinstance(value, str):
        return False
    if p and p[0] == "ascii":
        return value.isascii() and value.isalnum()
    return _all_categories(value, "LMN")


def alpha_dash(v: Validator, a: str, value: Any, p: P) -> bool:
    if is_number(value) and not isinstance(value, float):
        value = str(value)
    if not isinstance(value, str):
        return False
    if p and p[0] == "ascii":
        return (
            bool(value) and value.isascii() and value.replace("-", "a").replace("_", "a").isalnum()
        )
    return _all_categories(value, "LMN", "-_")


def ascii(v: Validator, a: str, value: Any, p: P) -> bool:
    return php_str(value).isascii()


def lowercase(v: Validator, a: str, value: Any, p: P) -> bool:
    text = php_str(value)
    return text.lower() == text


def uppercase(v: Validator, a: str, value: Any, p: P) -> bool:
    text = php_str(value)
    return text.upper() == text


def decimal(v: Validator, a: str, value: Any, p: P) -> bool:
    if not is_numeric(value):
        return False
    text = php_str(value).strip()
    places = len(text.partition(".")[2]) if "." in text and "e" not in text.lower() else 0
    low = int(p[0])
    high = int(p[1]) if len(p) > 1 else low
    return low <= places <= high


def _digit_string(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        return None
    return text if _DIGITS.match(text) else None


def digits(v: Validator, a: str, value: Any, p: P) -> bool:
    text = _digit_string(value)
    return text is not None and len(text) == int(p[0])


def digits_between(v: Validator, a: str, value: Any, p: P) -> bool:
    text = _digit_string(value)
    return text is not None and int(p[0]) <= len(text) <= int(p[1])


def min_digits(v: Validator, a: str, value: Any, p: P) -> bool:
    text = _digit_string(value)
    return text is not None and len(text) >= int(p[0])


def max_digits(v: Validator, a: str, value: Any, p: P) -> bool:
    text = _digit_string(value)
    return text is not None and len(text) <= int(p[0])


def multiple_of(v: Validator, a: str, value: Any, p: P) -> bool:
    number, divisor = to_decimal(value), to_decimal(p[0])
    if number is None or divisor is None or divisor == 0:
        return False
    try:
        return number % divisor == 0
    except ArithmeticError:
        return False


def starts_with(v: Validator, a: str, value: Any, p: P) -> bool:
    text = php_str(value)
    return any(text.startswith(str(x)) for x in p if x != "")


def ends_with(v: Validator, a: str, value: Any, p: P) -> bool:
    text = php_str(value)
    return any(text.endswith(str(x)) for x in p if x != "")


def doesnt_start_with(v: Validator, a: str, value: Any, p: P) -> bool:
    return not starts_with(v, a, value, p)


def doesnt_end_with(v: Validator, a: str, value: Any, p: P) -> bool:
    return not ends_with(v, a, value, p)


def _members(value: Any) -> list[str] | None:
    if isinstance(value, dict):
        return [php_str(x) for x in value.values()]
    if isinstance(value, list | tuple):
        return [php_str(x) for x in value]
    return None


def contains(v: Validator, a: str, value: Any, p: P) -> bool:
    members = _members(value)
    return members is not None and all(php_str(x) in members for x in p)


def doesnt_contain(v: Validator, a: str, value: Any, p: P) -> bool:
    members = _members(value)
    return members is not None and not any(php_str(x) in members for x in p)


def in_array_keys(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, dict) and any(str(k) in value for k in p)


@lru_cache(maxsize=1024)
def _allowed(params: P) -> frozenset[str]:
    return frozenset(php_str(x) for x in params)


def in_(v: Validator, a: str, value: Any, p: P) -> bool:
    allowed = _allowed(p)
    if isinstance(value, list | tuple | dict):
        if not v.has_rule(a, "array"):
            return False
        members = _members(value) or []
        return all(m in allowed for m in members)
    if isinstance(value, bool):
        return bool(allowed & ({"true", "1"} if value else {"false", "0"}))
    if isinstance(value, str | int | float) or value is None:
        return php_str(value) in allowed
    return False


def not_in(v: Validator, a: str, value: Any, p: P) -> bool:
    denied = _allowed(p)
    if isinstance(value, list | tuple | dict):
        if not v.has_rule(a, "array"):
            return False
        return not any(m in denied for m in _members(value) or [])
    if isinstance(value, bool):
        return not denied & ({"true", "1"} if value else {"false", "0"})
    return php_str(value) not in denied


def hex_color(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str) and _HEX_COLOR.match(value) is not None


def regex(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str) and not is_numeric(value):
        return False
    return p[0].search(php_str(value)) is not None


def not_regex(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str) and not is_numeric(value):
        return False
    return p[0].search(php_str(value)) is None


def encoding(v: Validator, a: str, value: Any, p: P) -> bool:
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
    elif isinstance(value, bytes):
        data = value
    else:
        return False
    try:
        data.decode(str(p[0]))
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def enum(v: Validator, a: str, value: Any, p: P) -> bool:
    enum_cls, only, excluded = p
    member = None
    candidates = [value]
    if isinstance(value, str) and value.strip().lstrip("+-").isdecimal():
        candidates.append(int(value))
    for candidate in candidates:
        try:
            member = enum_cls(candidate)
            break
        except (ValueError, TypeError, KeyError):
            continue
    if member is None:
        return False
    if only is not None and member not in only:
        return False
    return not (excluded is not None and member in excluded)
