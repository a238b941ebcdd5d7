from __future__ import annotations

import enum
from typing import Any

import pytest

from parvel.validation import InvalidRuleError, Password, Rule, Validator


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


async def test_rule_in_and_not_in(check: Any) -> None:
    assert await check({"s": "b"}, {"s": [Rule.in_(["a", "b"])]}) == {}
    assert await check({"s": "a,b"}, {"s": [Rule.in_("a,b", "c")]}) == {}
    assert await check({"s": "x"}, {"s": ["required", Rule.in_("a", "b")]}) == {
        "s": ["The selected s is invalid."]
    }
    assert await check({"s": "draft"}, {"s": [Rule.in_(Status)]}) == {}
    assert await check({"s": 2}, {"s": [Rule.in_([1, 2])]}) == {}
    assert await check({"s": "a"}, {"s": [Rule.not_in(["a"])]}) != {}


async def test_rule_enum(check: Any) -> None:
    assert await check({"s": "draft"}, {"s": [Rule.enum(Status)]}) == {}
    assert await check({"s": "nope"}, {"s": [Rule.enum(Status)]}) == {
        "s": ["The selected s is invalid."]
    }
    assert await check({"s": "archived"}, {"s": [Rule.enum(Status).except_(Status.ARCHIVED)]}) != {}
    assert await check({"s": "draft"}, {"s": [Rule.enum(Status).only([Status.DRAFT])]}) == {}
    assert await check({"l": "2"}, {"l": [Rule.enum(Level)]}) == {}
    assert await check({"l": [1]}, {"l": [Rule.enum(Level)]}) != {}


async def test_rule_when(check: Any) -> None:
    rules = {"company": [Rule.when(lambda data: data.get("type") == "business", "required|string")]}
    assert await check({"type": "person"}, rules) == {}
    assert await check({"type": "business"}, rules) == {
        "company": ["The company field is required."]
    }
    assert await check({}, {"x": [Rule.when(False, ["required"], ["nullable", "integer"])]}) == {}
    assert await check({"x": "a"}, {"x": [Rule.when(False, ["required"], ["integer"])]}) != {}


async def test_rule_required_if_prohibited_if_exclude_if(check: Any) -> None:
    assert await check({}, {"x": [Rule.required_if(True)]}) == {"x": ["The x field is required."]}
    assert await check({}, {"x": [Rule.required_if(lambda: False)]}) == {}
    assert await check({"x": 1}, {"x": [Rule.prohibited_if(True)]}) == {
        "x": ["The x field is prohibited."]
    }
    v = Validator.make({"x": 1, "y": 2}, {"x": [Rule.exclude_if(True)], "y": "integer"})
    assert await v.validate() == {"y": 2}


async def test_rule_array_keys(check: Any) -> None:
    assert await check({"u": {"name": "a"}}, {"u": [Rule.array(["name", "email"])]}) == {}
    assert await check({"u": {"x": 1}}, {"u": [Rule.array("name")]}) == {
        "u": ["The u field must be an array."]
    }


def test_rule_parse_validates_now() -> None:
    assert [r.name for r in Rule.parse("x", "required|max:3")] == ["required", "max"]
    with pytest.raises(InvalidRuleError):
        Rule.parse("x", "max:abc")


async def test_password_rule(check: Any) -> None:
    rule = Rule.password().min(8).mixed_case().numbers()
    assert isinstance(Password.min(8), Password)
    chained = Password.min(4).letters().min(10)
    assert (chained.length, chained.require_letters) == (10, True)
    assert await check({"p": "Secret123"}, {"p": ["required", rule]}) == {}
    errors = await check({"p": "secret"}, {"p": ["required", rule]})
    assert errors == {
        "p": [
            "The p field must be at least 8 characters.",
            "The p field must contain at least one uppercase and one lowercase letter.",
            "The p field must contain at least one number.",
        ]
    }
    strict = Password.min(4).letters().symbols().max(6)
    assert await check({"p": "1234567"}, {"p": [strict]}) == {
        "p": [
            "The p field must not be greater than 6 characters.",
            "The p field must contain at least one letter.",
            "The p field must contain at least one symbol.",
        ]
    }
    assert await check({"p": 12345678}, {"p": [Password.min(8)]}) == {
        "p": ["The p field must be a string."]
    }
    Password.defaults(lambda: Password.min(10))
    try:
        assert Password.defaults().length == 10
    finally:
        Password._defaults = None
    assert Password.defaults().length == 8
