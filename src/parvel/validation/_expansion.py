"""Turning rule keys into per-field plans: wildcards, ``sometimes`` and conditional rules."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parvel.validation._compound import ForEach
from parvel.validation._data import expand
from parvel.validation._fluent import fluent
from parvel.validation._parser import ConditionalRules, parse_rules
from parvel.validation._plan import Plan

if TYPE_CHECKING:
    from parvel.validation.validator import Validator


def expand_plans(
    v: Validator,
    definitions_in: dict[str, Plan],
    sometimes: list[tuple[dict[str, Plan], Callable[..., Any]]],
) -> dict[str, Plan]:
    """Expand wildcards and conditional rules into one plan per concrete field."""
    definitions = dict(definitions_in)
    per_item: list[tuple[str, Plan, Callable[..., Any]]] = []
    for plans_to_add, callback in sometimes:
        if _positional_count(callback) >= 2:
            per_item.extend((field, extra, callback) for field, extra in plans_to_add.items())
            continue
        if callback(fluent(v.data)):
            for field, extra in plans_to_add.items():
                known = definitions.get(field)
                definitions[field] = known.merged(extra) if known is not None else extra
    plans: dict[str, Plan] = {}
    stars_of: dict[str, tuple[str, ...]] = {}
    v._stars = stars_of
    for pattern, plan in definitions.items():
        if "*" not in pattern:
            if plan.conditional:
                plan = Plan(pattern, tuple(_resolve(v, pattern, plan, pattern)))
            known = plans.get(pattern)
            plans[pattern] = known.merged(plan) if known is not None else plan
            continue
        for attribute, stars in expand(v.data, pattern):
            concrete = plan.with_stars(stars)
            if concrete.conditional:
                concrete = Plan(pattern, tuple(_resolve(v, pattern, concrete, attribute)))
            known = plans.get(attribute)
            plans[attribute] = known.merged(concrete) if known is not None else concrete
            stars_of.setdefault(attribute, stars)
    for field, extra, callback in per_item:
        targets = expand(v.data, field) if "*" in field else [(field, ())]
        for attribute, stars in targets:
            parent = attribute.rpartition(".")[0]
            if not callback(fluent(v.data), fluent(v.value(parent) if parent else v.data)):
                continue
            concrete = extra.with_stars(stars)
            known = plans.get(attribute)
            plans[attribute] = known.merged(concrete) if known is not None else concrete
            stars_of.setdefault(attribute, stars)
    return plans


def _resolve(v: Validator, field: str, plan: Plan, attribute: str) -> list[Any]:
    out: list[Any] = []
    for rule in plan.rules:
        obj = rule.obj
        if rule.name == "when" and isinstance(obj, ForEach):
            chosen = obj.choose_for(v.value(attribute), attribute, v.data)
        elif rule.name == "when" and isinstance(obj, ConditionalRules):
            chosen = obj.choose(v.data)
        else:
            out.append(rule)
            continue
        sub = Plan(field, tuple(parse_rules(field, chosen)))
        out.extend(_resolve(v, field, sub, attribute) if sub.conditional else sub.rules)
    return out


def _positional_count(callback: Callable[..., Any]) -> int:
    try:
        parameters = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return 1
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters):
        return 2
    return sum(1 for p in parameters if p.kind in kinds)
