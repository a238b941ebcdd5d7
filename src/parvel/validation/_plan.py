"""Compiled per-field plans: the rule steps and flags the validator needs (internal).

A plan for a rule string is built once and cached, so validating the same form again only
walks a tuple of prepared steps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from parvel.validation._data import replace_stars
from parvel.validation._parser import ParsedRule, parse_string
from parvel.validation._registry import (
    DEPENDENT,
    EXCLUDERS,
    EXTENSIONS,
    MARKERS,
    NUMERIC_RULES,
    RULES,
)

#: (name, function or None for custom rules, params, implicit, is_async, parsed rule)
Step = tuple[str, Callable[..., Any] | None, tuple[Any, ...], bool, bool, ParsedRule]


class Plan:
    """The prepared rules of one field."""

    __slots__ = (
        "bail",
        "conditional",
        "date_formats",
        "excluders",
        "file_checks",
        "is_sync",
        "names",
        "nullable",
        "numeric",
        "pattern",
        "rules",
        "sometimes",
        "starred",
        "steps",
    )

    def __init__(self, pattern: str, rules: tuple[ParsedRule, ...]) -> None:
        self.pattern = pattern
        self.rules = rules
        self.names = frozenset(r.name for r in rules)
        self.bail = "bail" in self.names
        self.nullable = "nullable" in self.names
        self.sometimes = "sometimes" in self.names
        self.numeric = bool(self.names & NUMERIC_RULES)
        self.conditional = "when" in self.names
        self.date_formats = tuple(
            str(p) for r in rules if r.name == "date_format" for p in r.params
        )
        self.excluders = tuple((EXCLUDERS[r.name], r.params) for r in rules if r.name in EXCLUDERS)
        self.starred = any(
            r.name in DEPENDENT and any(isinstance(p, str) and "*" in p for p in r.params)
            for r in rules
        )
        steps: list[Step] = []
        for rule in rules:
            name = rule.name
            if name in MARKERS or name in EXCLUDERS or name == "when":
                continue
            if name in ("custom", "closure"):
                implicit = bool(getattr(rule.obj, "implicit", False))
                steps.append((name, None, rule.params, implicit, False, rule))
                continue
            found = RULES.get(name) or EXTENSIONS.get(name)
            if found is not None:
                params = _numbers(rule.params) if name in _NUMERIC_PARAMS else rule.params
                steps.append((name, found.fn, params, found.implicit, found.is_async, rule))
        self.steps = tuple(steps)
        self.is_sync = all(fn is not None and not is_async for _, fn, _, _, is_async, _ in steps)
        self.file_checks = bool(self.names & _FILE_RULES) or any(step[3] for step in steps)

    def with_stars(self, stars: tuple[str, ...]) -> Plan:
        """Return the plan with ``*`` in field parameters replaced by the matched keys."""
        if not self.starred or not stars:
            return self
        return Plan(self.pattern, tuple(_substitute(r, stars) for r in self.rules))

    def merged(self, other: Plan) -> Plan:
        """Return a plan with the rules of both plans."""
        return Plan(self.pattern, self.rules + other.rules)


_NUMERIC_PARAMS = frozenset({"min", "max", "size", "between"})
_FILE_RULES = frozenset(
    {
        "between",
        "dimensions",
        "extensions",
        "file",
        "image",
        "max",
        "mimes",
        "mimetypes",
        "min",
        "size",
    }
)


def _numbers(params: tuple[Any, ...]) -> tuple[Any, ...]:
    out: list[Any] = []
    for param in params:
        text = str(param).strip()
        try:
            out.append(int(text))
        except ValueError:
            out.append(float(text))
    return tuple(out)


def _substitute(rule: ParsedRule, stars: tuple[str, ...]) -> ParsedRule:
    if rule.name not in DEPENDENT:
        return rule
    params = tuple(replace_stars(p, stars) if isinstance(p, str) else p for p in rule.params)
    return ParsedRule(rule.name, params, rule.obj)


@lru_cache(maxsize=4096)
def plan_for_string(field: str, text: str) -> Plan:
    """The cached plan of a rule string."""
    return Plan(field, parse_string(field, text))


def clear_cache() -> None:
    """Forget cached plans (after ``Validator.extend``)."""
    plan_for_string.cache_clear()
