from __future__ import annotations

from typing import Any

from parvel.validation import Validator
from parvel.validation._parser import parse_string
from parvel.validation._plan import Plan, plan_for_string


def test_rule_strings_compile_once() -> None:
    plan_for_string.cache_clear()
    parse_string.cache_clear()
    rules = {"name": "required|string|max:255", "age": "integer|min:18"}
    first = Validator.make({}, rules)
    second = Validator.make({"name": "x"}, rules)
    assert first._definitions["name"] is second._definitions["name"]
    info = parse_string.cache_info()
    assert (info.misses, info.hits) == (2, 0)
    assert plan_for_string.cache_info().hits == 2


def test_plan_flags_and_numeric_params() -> None:
    plan = plan_for_string("f", "bail|nullable|sometimes|integer|between:1,2.5|date_format:Y-m-d")
    assert plan.bail
    assert plan.nullable
    assert plan.sometimes
    assert plan.numeric
    assert plan.date_formats == ("Y-m-d",)
    between = next(step for step in plan.steps if step[0] == "between")
    assert between[2] == (1, 2.5)
    assert [step[0] for step in plan.steps] == ["integer", "between", "date_format"]
    assert plan.is_sync


async def test_star_substitution_only_when_needed() -> None:
    plan = plan_for_string("rows.*.a", "integer|min:1")
    assert plan.with_stars(("0",)) is plan
    dependent = plan_for_string("rows.*.a", "same:rows.*.b")
    concrete = dependent.with_stars(("3",))
    assert concrete is not dependent
    assert concrete.steps[0][2] == ("rows.3.b",)
    merged = plan.merged(dependent)
    assert isinstance(merged, Plan)
    assert [s[0] for s in merged.steps] == ["integer", "min", "same"]


async def test_custom_rules_make_the_plan_async(check: Any) -> None:
    plan = Plan(
        "f", tuple(Validator.make({}, {"f": [lambda a, v, fail: None]})._definitions["f"].rules)
    )
    assert not plan.is_sync
