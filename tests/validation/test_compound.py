from __future__ import annotations

from typing import Any

from parvel.validation import Rule, Validator


async def test_any_of(check: Any) -> None:
    rule = Rule.any_of(["email", "uuid"])
    assert await check({"id": "ada@example.com"}, {"id": ["required", rule]}) == {}
    assert await check({"id": "123e4567-e89b-12d3-a456-426614174000"}, {"id": [rule]}) == {}
    assert await check({"id": "nope"}, {"id": [rule]}) == {"id": ["The id field is invalid."]}
    nested = Rule.any_of([["string", "min:3"], ["integer", "gt:100"]])
    assert await check({"n": 150}, {"n": [nested]}) == {}
    assert await check({"n": 5}, {"n": [nested]}) != {}


async def test_any_of_uses_whole_input(check: Any) -> None:
    rule = Rule.any_of(["same:a", "same:b"])
    assert await check({"x": 2, "a": 1, "b": 2}, {"x": [rule]}) == {}
    assert await check({"x": 3, "a": 1, "b": 2}, {"x": [rule]}) != {}


async def test_for_each(check: Any) -> None:
    seen: list[tuple[Any, str]] = []

    def rules_for(value: Any, attribute: str) -> Any:
        seen.append((value, attribute))
        return ["integer", "min:10"] if attribute.endswith("0.id") else "string"

    data = {"companies": [{"id": 5}, {"id": "x"}, {"id": 3}]}
    errors = await check(data, {"companies.*.id": Rule.for_each(rules_for)})
    assert errors == {
        "companies.0.id": ["The companies.0.id field must be at least 10."],
        "companies.2.id": ["The companies.2.id field must be a string."],
    }
    assert seen == [(5, "companies.0.id"), ("x", "companies.1.id"), (3, "companies.2.id")]


async def test_for_each_on_plain_field(check: Any) -> None:
    rule = Rule.for_each(lambda value, attribute: "required|email")
    assert await check({"e": "bad"}, {"e": [rule]}) == {
        "e": ["The e field must be a valid email address."]
    }


async def test_rule_contains(check: Any) -> None:
    assert (
        await check({"roles": ["admin", "editor"]}, {"roles": ["array", Rule.contains("admin")]})
        == {}
    )
    errors = await check({"roles": ["editor"]}, {"roles": ["array", Rule.contains(["admin"])]})
    assert errors == {"roles": ["The roles field is missing a required value."]}
    assert await check({"roles": ["root"]}, {"roles": [Rule.doesnt_contain("root")]}) != {}


async def test_in_with_booleans(check: Any) -> None:
    assert await check({"f": True}, {"f": "in:0,1"}) == {}
    assert await check({"f": False}, {"f": "in:true"}) != {}
    assert await check({"f": True}, {"f": "not_in:1"}) != {}


async def test_stop_on_first_failure_method() -> None:
    validator = Validator.make({}, {"a": "required", "b": "required"}).stop_on_first_failure()
    assert await validator.fails()
    assert validator.errors().keys() == ["a"]


async def test_fail_translate(check: Any) -> None:
    Validator.set_default_messages({"uppercase_custom": "The :attribute must be UPPER (:hint)."})

    def rule(attribute: str, value: Any, fail: Any) -> None:
        fail("validation.uppercase_custom").translate({"hint": "try ABC"})

    def short(attribute: str, value: Any, fail: Any) -> None:
        fail("uppercase").translate()

    assert await check({"f": "x"}, {"f": [rule]}) == {"f": ["The f must be UPPER (try ABC)."]}
    assert await check({"f": "x"}, {"f": [short]}) == {"f": ["The f field must be uppercase."]}
