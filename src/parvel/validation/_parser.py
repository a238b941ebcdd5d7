"""Parsing of rule definitions into :class:`ParsedRule` lists (internal).

Strings such as ``"required|max:255"`` are parsed once (cached) and checked against the
argument specification of each rule, so a typo fails when the rules are defined.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parvel.validation._fluent import fluent
from parvel.validation.exceptions import InvalidRuleError


@dataclass(frozen=True, slots=True)
class ParsedRule:
    """One rule of a field: its snake_case name, parameters and optional rule object."""

    name: str
    params: tuple[Any, ...] = ()
    obj: Any = None


class RuleObject:
    """Base of Parvel's fluent rule objects (``Rule.in_``, ``Rule.unique``, ...)."""

    def to_rules(self) -> list[ParsedRule]:
        """Return the parsed rules this object stands for.

        Returns:
            A list of :class:`ParsedRule`.
        """
        raise NotImplementedError


class ConditionalRules:
    """Rules chosen when the data is known (``Rule.when``)."""

    def __init__(self, condition: Any, rules: Any, default: Any = None) -> None:
        self.condition = condition
        self.rules = rules
        self.default = default

    def choose(self, data: Any) -> Any:
        """Return the rules to apply for ``data``.

        Args:
            data: The whole input being validated.

        Returns:
            ``rules`` when the condition holds, else ``default`` (or no rules).
        """
        condition = self.condition
        if callable(condition):
            condition = condition(fluent(data))
        if condition:
            return self.rules
        return self.default if self.default is not None else []


# name -> (min params, max params or None, kind of every param or None)
_NUM, _INT = "number", "integer"
SPECS: dict[str, tuple[int, int | None, str | None]] = {}


def _spec(names: str, low: int, high: int | None, kind: str | None = None) -> None:
    for name in names.split():
        SPECS[name] = (low, high, kind)


_spec(
    "accepted active_url ascii bail date declined exclude file filled hex_color ip ipv4 ipv6 "
    "json list lowercase mac_address missing nullable present prohibited required sometimes "
    "string ulid uppercase",
    0,
    0,
)
_spec("alpha alpha_dash alpha_num boolean integer numeric image current_password uuid", 0, 1)
_spec("min max size multiple_of", 1, 1, _NUM)
_spec("between", 2, 2, _NUM)
_spec("digits min_digits max_digits", 1, 1, _INT)
_spec("digits_between", 2, 2, _INT)
_spec("decimal", 1, 2, _INT)
_spec(
    "gt gte lt lte same after after_or_equal before before_or_equal date_equals "
    "in_array encoding regex not_regex",
    1,
    1,
)
_spec("confirmed", 0, 1)
_spec("different", 1, None)
_spec("distinct", 0, 2)
_spec("timezone", 0, 2)
_spec("email url array in not_in dimensions", 0, None)
_spec(
    "date_format starts_with ends_with doesnt_start_with doesnt_end_with contains "
    "doesnt_contain required_array_keys in_array_keys mimes mimetypes extensions unique exists "
    "required_with required_with_all required_without required_without_all exclude_with "
    "exclude_without missing_with missing_with_all present_with present_with_all prohibits "
    "required_if_accepted required_if_declined prohibited_if_accepted prohibited_if_declined",
    1,
    None,
)
_spec(
    "accepted_if declined_if required_if required_unless prohibited_if prohibited_unless "
    "exclude_if exclude_unless missing_if missing_unless present_if present_unless",
    2,
    None,
)

_EXTENSIONS: dict[str, bool] = {}  # name -> implicit
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
_PHP_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE, "u": 0}
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def register_extension(name: str, implicit: bool) -> None:
    """Make ``name`` a known rule name (``Validator.extend``) and drop the parse cache."""
    _EXTENSIONS[name] = implicit
    parse_string.cache_clear()


def is_extension(name: str) -> bool:
    return name in _EXTENSIONS


def normalize_name(name: str) -> str:
    return _CAMEL.sub(r"_\1", name.strip()).lower()


def compile_php_regex(pattern: str) -> re.Pattern[str]:
    """Compile a PHP-style ``/pattern/flags`` regex to a Python pattern."""
    if len(pattern) < 2 or pattern[0].isalnum() or pattern[0] in "\\ ":
        raise ValueError("the pattern needs delimiters, e.g. /^[a-z]+$/i")
    closer = _CLOSERS.get(pattern[0], pattern[0])
    end = pattern.rfind(closer)
    if end <= 0:
        raise ValueError(f"the pattern has no closing delimiter {closer!r}")
    body, flag_text = pattern[1:end], pattern[end + 1 :]
    flags = 0
    for flag in flag_text:
        if flag not in _PHP_FLAGS:
            raise ValueError(f"unsupported regex flag {flag!r} (use i, m, s, x or u)")
        flags |= _PHP_FLAGS[flag]
    body = body.replace(r"\z", r"\Z").replace(r"\h", r"[ \t]")
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None


def _split_params(name: str, text: str) -> tuple[str, ...]:
    if name in ("regex", "not_regex"):
        return (text,)
    if '"' not in text:
        return tuple(text.split(","))
    try:
        return tuple(next(csv.reader([text], skipinitialspace=False)))
    except (csv.Error, StopIteration):
        return tuple(text.split(","))


def _check(field: str, name: str, params: tuple[Any, ...]) -> tuple[Any, ...]:
    if name in _EXTENSIONS:
        return params
    spec = SPECS.get(name)
    if spec is None:
        raise InvalidRuleError(
            f"Unknown validation rule {name!r} on field {field!r}.",
            hint="Check the spelling, or register it with Validator.extend(name, fn, message).",
        )
    low, high, kind = spec
    count = len(params)
    if count < low or (high is not None and count > high):
        expected = str(low) if low == high else f"{low}+" if high is None else f"{low}-{high}"
        raise InvalidRuleError(
            f"Validation rule {name!r} on field {field!r} takes {expected} parameter(s), "
            f"got {count}: {params!r}.",
            hint=f"Write it as {name}:{','.join(['value'] * max(low, 1))}.",
        )
    if kind is not None:
        for param in params:
            try:
                int(param) if kind == _INT else float(param)
            except (TypeError, ValueError):
                raise InvalidRuleError(
                    f"Validation rule {name!r} on field {field!r} needs {kind} parameters, "
                    f"got {param!r}.",
                    hint=f"For example {name}:{'10' if kind == _INT else '2.5'}.",
                ) from None
    if name == "dimensions":
        from parvel.validation._rules_files import dimension_constraints

        try:
            dimension_constraints(params)
        except (ValueError, ZeroDivisionError) as exc:
            raise InvalidRuleError(
                f"Validation rule 'dimensions' on field {field!r}: {exc}.",
                hint="Use min_width, max_width, min_height, max_height, width, height, "
                "ratio, min_ratio or max_ratio, e.g. dimensions:min_width=100,ratio=3/2.",
            ) from None
    if name in ("regex", "not_regex"):
        try:
            return (compile_php_regex(str(params[0])),)
        except ValueError as exc:
            raise InvalidRuleError(
                f"Validation rule {name!r} on field {field!r}: {exc}.",
                hint="Write the pattern with delimiters, e.g. regex:/^[a-z]+$/i; "
                "use a list of rules when it contains '|'.",
            ) from None
    return params


@lru_cache(maxsize=4096)
def parse_string(field: str, text: str) -> tuple[ParsedRule, ...]:
    """Parse a ``|``-separated rule string (cached per field and string)."""
    return tuple(parse_one(field, piece) for piece in text.split("|") if piece.strip())


def parse_one(field: str, piece: str) -> ParsedRule:
    """Parse one ``name:params`` rule."""
    name, sep, rest = piece.partition(":")
    name = normalize_name(name)
    params = _split_params(name, rest) if sep else ()
    return ParsedRule(name, _check(field, name, params))


def parse_rules(field: str, rules: Any) -> list[ParsedRule]:
    """Parse any accepted rule definition for ``field`` into a list of parsed rules."""
    if isinstance(rules, str):
        return list(parse_string(field, rules))
    if (
        isinstance(rules, RuleObject | ConditionalRules | ParsedRule)
        or not isinstance(rules, Iterable)
        or callable(getattr(rules, "validate", None))
    ):
        rules = [rules]
    out: list[ParsedRule] = []
    for item in rules:
        out.extend(_parse_item(field, item))
    return out


def _parse_item(field: str, item: Any) -> list[ParsedRule]:
    if isinstance(item, str):
        if not item.strip():
            return []
        if "|" in item and not item.lstrip().lower().startswith(("regex:", "not_regex:")):
            return list(parse_string(field, item))
        return [parse_one(field, item)]
    if isinstance(item, ParsedRule):
        return [ParsedRule(item.name, _check(field, item.name, item.params), item.obj)]
    if isinstance(item, RuleObject):
        return item.to_rules()
    if isinstance(item, ConditionalRules):
        parse_rules(field, item.rules)
        if item.default is not None:
            parse_rules(field, item.default)
        return [ParsedRule("when", (), item)]
    if isinstance(item, type):
        raise InvalidRuleError(
            f"Validation rule class {item.__name__} on field {field!r} was given, not an instance.",
            hint=f"Pass an instance: {item.__name__}().",
        )
    if callable(getattr(item, "validate", None)):
        return [ParsedRule("custom", (), item)]
    if callable(item):
        return [ParsedRule("closure", (), item)]
    raise InvalidRuleError(
        f"Cannot use {item!r} as a validation rule on field {field!r}.",
        hint="Use a rule string, a Rule object, a rule class instance or a callable.",
    )
