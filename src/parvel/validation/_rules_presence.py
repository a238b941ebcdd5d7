"""Presence rules: required*, present*, missing*, filled, accepted*, declined*, prohibited*."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.validation._data import MISSING
from parvel.validation._values import is_filled, loose_in

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]

_ACCEPTED = ("yes", "on", "1", "true")
_DECLINED = ("no", "off", "0", "false")


def is_accepted(value: Any) -> bool:
    if value is True or (isinstance(value, int) and not isinstance(value, bool) and value == 1):
        return True
    return isinstance(value, str) and value in _ACCEPTED


def is_declined(value: Any) -> bool:
    if value is False or (isinstance(value, int) and not isinstance(value, bool) and value == 0):
        return True
    return isinstance(value, str) and value in _DECLINED


def _other_matches(v: Validator, params: P) -> bool:
    other = v.get(str(params[0]))
    return loose_in(None if other is MISSING else other, params[1:])


def _filled(v: Validator, field: str) -> bool:
    value = v.get(field)
    return value is not MISSING and is_filled(value)


def required(v: Validator, a: str, value: Any, p: P) -> bool:
    return is_filled(value)


def required_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or is_filled(value)


def required_unless(v: Validator, a: str, value: Any, p: P) -> bool:
    return _other_matches(v, p) or is_filled(value)


def required_if_accepted(v: Validator, a: str, value: Any, p: P) -> bool:
    return not is_accepted(v.value(str(p[0]))) or is_filled(value)


def required_if_declined(v: Validator, a: str, value: Any, p: P) -> bool:
    return not is_declined(v.value(str(p[0]))) or is_filled(value)


def required_with(v: Validator, a: str, value: Any, p: P) -> bool:
    return not any(_filled(v, str(f)) for f in p) or is_filled(value)


def required_with_all(v: Validator, a: str, value: Any, p: P) -> bool:
    return not all(_filled(v, str(f)) for f in p) or is_filled(value)


def required_without(v: Validator, a: str, value: Any, p: P) -> bool:
    return all(_filled(v, str(f)) for f in p) or is_filled(value)


def required_without_all(v: Validator, a: str, value: Any, p: P) -> bool:
    return any(_filled(v, str(f)) for f in p) or is_filled(value)


def required_array_keys(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, dict) and all(str(k) in value for k in p)


def filled(v: Validator, a: str, value: Any, p: P) -> bool:
    return not v.has(a) or is_filled(value)


def present(v: Validator, a: str, value: Any, p: P) -> bool:
    return v.has(a)


def present_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or v.has(a)


def present_unless(v: Validator, a: str, value: Any, p: P) -> bool:
    return _other_matches(v, p) or v.has(a)


def present_with(v: Validator, a: str, value: Any, p: P) -> bool:
    return not any(v.has(str(f)) for f in p) or v.has(a)


def present_with_all(v: Validator, a: str, value: Any, p: P) -> bool:
    return not all(v.has(str(f)) for f in p) or v.has(a)


def missing(v: Validator, a: str, value: Any, p: P) -> bool:
    return not v.has(a)


def missing_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or not v.has(a)


def missing_unless(v: Validator, a: str, value: Any, p: P) -> bool:
    return _other_matches(v, p) or not v.has(a)


def missing_with(v: Validator, a: str, value: Any, p: P) -> bool:
    return not any(v.has(str(f)) for f in p) or not v.has(a)


def missing_with_all(v: Validator, a: str, value: Any, p: P) -> bool:
    return not all(v.has(str(f)) for f in p) or not v.has(a)


def accepted(v: Validator, a: str, value: Any, p: P) -> bool:
    return is_filled(value) and is_accepted(value)


def accepted_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or accepted(v, a, value, p)


def declined(v: Validator, a: str, value: Any, p: P) -> bool:
    return is_filled(value) and is_declined(value)


def declined_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or declined(v, a, value, p)


def prohibited(v: Validator, a: str, value: Any, p: P) -> bool:
    return not is_filled(value)


def prohibited_if(v: Validator, a: str, value: Any, p: P) -> bool:
    return not _other_matches(v, p) or not is_filled(value)


def prohibited_unless(v: Validator, a: str, value: Any, p: P) -> bool:
    return _other_matches(v, p) or not is_filled(value)


def prohibited_if_accepted(v: Validator, a: str, value: Any, p: P) -> bool:
    return not is_accepted(v.value(str(p[0]))) or not is_filled(value)


def prohibited_if_declined(v: Validator, a: str, value: Any, p: P) -> bool:
    return not is_declined(v.value(str(p[0]))) or not is_filled(value)


def prohibits(v: Validator, a: str, value: Any, p: P) -> bool:
    return not any(_filled(v, str(f)) for f in p)


# Exclusion checks: return True when the field must be left out of the validated data.
def exclude(v: Validator, a: str, p: P) -> bool:
    return True


def exclude_if(v: Validator, a: str, p: P) -> bool:
    return _other_matches(v, p)


def exclude_unless(v: Validator, a: str, p: P) -> bool:
    return not _other_matches(v, p)


def exclude_with(v: Validator, a: str, p: P) -> bool:
    return any(v.has(str(f)) for f in p)


def exclude_without(v: Validator, a: str, p: P) -> bool:
    return any(not v.has(str(f)) for f in p)
