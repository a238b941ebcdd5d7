"""Size and comparison rules: size, min, max, between, gt*, lt*, same, different, distinct."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from parvel.validation._data import MISSING
from parvel.validation._values import (
    is_numeric,
    is_upload,
    php_str,
    size_of,
    size_type,
    to_decimal,
    to_number,
)

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]


def _size(v: Validator, a: str, value: Any) -> Any:
    if type(value) is str and not v.has_numeric_rule(a):
        return len(value)
    return size_of(value, v.has_numeric_rule(a))


def _bound(param: Any) -> Any:
    return param if type(param) is int or type(param) is float else to_number(param)


def size(v: Validator, a: str, value: Any, p: P) -> bool:
    return bool(_size(v, a, value) == _bound(p[0]))


def min_(v: Validator, a: str, value: Any, p: P) -> bool:
    return bool(_size(v, a, value) >= _bound(p[0]))


def max_(v: Validator, a: str, value: Any, p: P) -> bool:
    if is_upload(value) and value.size < 0:
        return False
    return bool(_size(v, a, value) <= _bound(p[0]))


def between(v: Validator, a: str, value: Any, p: P) -> bool:
    measured = _size(v, a, value)
    return bool(_bound(p[0]) <= measured <= _bound(p[1]))


def _compare(v: Validator, a: str, value: Any, p: P, op: str) -> bool:
    param = str(p[0])
    other = v.get(param)
    numeric_rule = v.has_numeric_rule(a)
    if other is MISSING or other is None:
        if not is_numeric(param):
            return False
        left: Any = size_of(value, numeric_rule)
        right: Any = to_number(param)
    elif numeric_rule and is_numeric(value) and is_numeric(other):
        left, right = to_decimal(value), to_decimal(other)
    else:
        kind = size_type(value, numeric_rule)
        if kind != size_type(other, numeric_rule):
            return False
        left, right = size_of(value, numeric_rule), size_of(other, numeric_rule)
    if isinstance(left, float) or isinstance(right, float):
        left, right = float(left), float(right)
    if op == "gt":
        return bool(left > right)
    if op == "gte":
        return bool(left >= right)
    if op == "lt":
        return bool(left < right)
    return bool(left <= right)


def gt(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "gt")


def gte(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "gte")


def lt(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "lt")


def lte(v: Validator, a: str, value: Any, p: P) -> bool:
    return _compare(v, a, value, p, "lte")


def _same_value(left: Any, right: Any) -> bool:
    if type(left) is not type(right) and (isinstance(left, bool) or isinstance(right, bool)):
        return False
    try:
        return bool(left == right)
    except Exception:
        return False


def same(v: Validator, a: str, value: Any, p: P) -> bool:
    other = v.get(str(p[0]))
    return other is not MISSING and _same_value(value, other)


def different(v: Validator, a: str, value: Any, p: P) -> bool:
    for field in p:
        other = v.get(str(field))
        if other is MISSING or _same_value(value, other):
            return False
    return True


def confirmed(v: Validator, a: str, value: Any, p: P) -> bool:
    other_name = str(p[0]) if p else f"{a}_confirmation"
    other = v.get(other_name)
    return other is not MISSING and _same_value(value, other)


def _key(value: Any, ignore_case: bool) -> Any:
    if isinstance(value, dict | list | tuple):
        return ("\0complex", repr(value))
    text = php_str(value)
    return text.lower() if ignore_case else text


def distinct(v: Validator, a: str, value: Any, p: P) -> bool:
    pattern = v.pattern_of(a)
    if "*" not in pattern:
        return True
    strict = "strict" in p
    ignore_case = "ignore_case" in p

    def key(item: Any) -> Any:
        base = _key(item, ignore_case)
        return (type(item).__name__, base) if strict else base

    def build() -> Counter[Any]:
        return Counter(key(x) for _, x in v.wildcard_values(pattern) if x is not MISSING)

    counts: Counter[Any] = v.cached(("distinct", pattern, strict, ignore_case), build)
    return counts[key(value)] <= 1


def in_array(v: Validator, a: str, value: Any, p: P) -> bool:
    pattern = str(p[0])
    candidates = {php_str(x) for _, x in v.wildcard_values(pattern) if x is not MISSING}
    if isinstance(value, list | tuple | dict):
        return False
    return php_str(value) in candidates
