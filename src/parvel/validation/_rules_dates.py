"""Date rules: date, date_format, date_equals, after, after_or_equal, before, ..."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from parvel.validation._data import MISSING
from parvel.validation._dates import matches_format, parse_date
from parvel.validation._values import is_number

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]


def date_(v: Validator, a: str, value: Any, p: P) -> bool:
    return parse_date(value) is not None


def date_format(v: Validator, a: str, value: Any, p: P) -> bool:
    return any(matches_format(value, str(fmt)) is not None for fmt in p)


def _value_date(v: Validator, a: str, value: Any) -> datetime | None:
    formats = v.date_formats(a)
    if formats:
        for fmt in formats:
            parsed = matches_format(value, fmt)
            if parsed is not None:
                return parsed
        return None
    return parse_date(value)


def _target_date(v: Validator, a: str, param: Any) -> datetime | None:
    if isinstance(param, datetime | date):
        return parse_date(param)
    text = str(param)
    formats = v.date_formats(a)
    for fmt in formats:
        parsed = matches_format(text, fmt)
        if parsed is not None:
            return parsed
    parsed = parse_date(text, relative=True)
    if parsed is not None:
        return parsed
    other = v.get(text)
    if other is MISSING or other is None:
        return None
    return _value_date(v, a, other) if formats else _value_date(v, text, other)


def _compare(v: Validator, a: str, value: Any, p: P, op: str) -> bool:
    if not isinstance(value, str | datetime | date) and not is_number(value):
        return False
    left = _value_date(v, a, value)
    right = _target_date(v, a, p[0])
    if left is None or right is None:
        return False
    if op == "after":
        return left > right
    if op == "after_or_equal":
        return left >= right
    if op == "before":
        return left < right
    if op == "before_or_equal":
        return left <= right
    return left == right


def after(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "after")


def after_or_equal(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "after_or_equal")


def before(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "before")


def before_or_equal(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "before_or_equal")


def date_equals(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "equals")
