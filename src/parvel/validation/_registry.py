"""The table of built-in rules: name -> function and behaviour flags (internal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parvel.validation import _rules_compare as cmp
from parvel.validation import _rules_dates as dates
from parvel.validation import _rules_db as db
from parvel.validation import _rules_files as files
from parvel.validation import _rules_formats as fmt
from parvel.validation import _rules_presence as pres
from parvel.validation import _rules_types as types
from parvel.validation._parser import SPECS


@dataclass(frozen=True, slots=True)
class RuleDef:
    """How the validator runs one rule."""

    fn: Callable[..., Any]
    implicit: bool = False
    is_async: bool = False
    message: str | None = None


IMPLICIT = frozenset(
    [
        "accepted",
        "accepted_if",
        "declined",
        "declined_if",
        "filled",
        "missing",
        "missing_if",
        "missing_unless",
        "missing_with",
        "missing_with_all",
        "present",
        "present_if",
        "present_unless",
        "present_with",
        "present_with_all",
        "required",
        "required_if",
        "required_if_accepted",
        "required_if_declined",
        "required_unless",
        "required_with",
        "required_with_all",
        "required_without",
        "required_without_all",
    ]
)

#: Rules whose parameters name other fields: ``*`` in them follows the attribute's indexes.
DEPENDENT = frozenset(
    [
        "after",
        "after_or_equal",
        "before",
        "before_or_equal",
        "confirmed",
        "different",
        "exclude_if",
        "exclude_unless",
        "exclude_with",
        "exclude_without",
        "gt",
        "gte",
        "lt",
        "lte",
        "accepted_if",
        "declined_if",
        "required_if",
        "required_if_accepted",
        "required_if_declined",
        "required_unless",
        "required_with",
        "required_with_all",
        "required_without",
        "required_without_all",
        "present_if",
        "present_unless",
        "present_with",
        "present_with_all",
        "prohibited_if",
        "prohibited_if_accepted",
        "prohibited_if_declined",
        "prohibited_unless",
        "prohibits",
        "missing_if",
        "missing_unless",
        "missing_with",
        "missing_with_all",
        "same",
        "unique",
        "exists",
        "date_equals",
    ]
)

#: Markers that change how other rules run but validate nothing themselves.
MARKERS = frozenset({"bail", "sometimes", "nullable"})

EXCLUDERS: dict[str, Callable[..., bool]] = {
    "exclude": pres.exclude,
    "exclude_if": pres.exclude_if,
    "exclude_unless": pres.exclude_unless,
    "exclude_with": pres.exclude_with,
    "exclude_without": pres.exclude_without,
}

SIZE_RULES = frozenset({"size", "between", "min", "max", "gt", "lt", "gte", "lte"})
NUMERIC_RULES = frozenset({"numeric", "integer", "decimal"})

_SPECIAL_NAMES = {
    "array": types.array,
    "date": dates.date_,
    "in": types.in_,
    "list": types.list_,
    "max": cmp.max_,
    "min": cmp.min_,
}

RULES: dict[str, RuleDef] = {}
#: Rules added with ``Validator.extend``.
EXTENSIONS: dict[str, RuleDef] = {}


def _build() -> None:
    modules = (pres, types, cmp, dates, fmt, files)
    for name in SPECS:
        if name in MARKERS or name in EXCLUDERS:
            continue
        fn = _SPECIAL_NAMES.get(name)
        if fn is None:
            for module in modules:
                fn = getattr(module, name, None)
                if fn is not None:
                    break
        if fn is None:
            continue
        RULES[name] = RuleDef(fn, implicit=name in IMPLICIT)
    RULES["enum"] = RuleDef(types.enum)
    for name in ("unique", "exists", "current_password"):
        RULES[name] = RuleDef(getattr(db, name), is_async=True)


_build()


def missing_functions() -> list[str]:
    """Rule names with a spec but no function (kept empty by a test)."""
    return sorted(n for n in SPECS if n not in RULES and n not in MARKERS and n not in EXCLUDERS)
