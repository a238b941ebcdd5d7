from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from parvel.validation import Validator


class Uppercase:
    def validate(self, attribute: str, value: Any, fail: Any) -> None:
        if str(value).upper() != value:
            fail("The :attribute must be uppercase.")


class AsyncNotBanned:
    async def validate(self, attribute: str, value: Any, fail: Any) -> None:
        await asyncio.sleep(0)
        if value == "banned":
            fail("validation.in")


class ImplicitRule:
    implicit = True

    def validate(self, attribute: str, value: Any, fail: Any) -> None:
        if value is None:
            fail("The :attribute is needed by the implicit rule.")


class DataAware:
    def __init__(self) -> None:
        self.data: Any = None
        self.validator: Any = None

    def set_data(self, data: Any) -> None:
        self.data = data

    def set_validator(self, validator: Validator) -> None:
        self.validator = validator

    def validate(self, attribute: str, value: Any, fail: Any) -> None:
        if self.data.get("other") == value:
            fail("Same as other.")


class LegacyRule:
    def passes(self, attribute: str, value: Any) -> bool:
        return value == "ok"

    def message(self) -> str:
        return "The :attribute is not ok."

    def validate(self, attribute: str, value: Any, fail: Any) -> bool:
        return self.passes(attribute, value)


async def test_rule_classes(check: Any) -> None:
    assert await check({"n": "ABC"}, {"n": ["required", Uppercase()]}) == {}
    assert await check({"n": "abc"}, {"n": ["required", Uppercase()]}) == {
        "n": ["The n must be uppercase."]
    }
    assert await check({}, {"n": [Uppercase()]}) == {}
    assert await check({"n": "banned"}, {"n": [AsyncNotBanned()]}) == {
        "n": ["The selected n is invalid."]
    }
    assert await check({}, {"n": [ImplicitRule()]}) == {
        "n": ["The n is needed by the implicit rule."]
    }
    rule = DataAware()
    assert await check({"n": 1, "other": 1}, {"n": [rule]}) == {"n": ["Same as other."]}
    assert isinstance(rule.validator, Validator)
    assert await check({"n": "no"}, {"n": [LegacyRule()]}) == {"n": ["The n is not ok."]}


async def test_closures(check: Any) -> None:
    def no_foo(attribute: str, value: Any, fail: Any) -> None:
        if value == "foo":
            fail(f"The {attribute} is invalid.")

    async def async_closure(attribute: str, value: Any, fail: Any) -> None:
        if value == "bar":
            fail("Async says no to :attribute.")

    assert await check({"t": "foo"}, {"t": ["required", no_foo]}) == {"t": ["The t is invalid."]}
    assert await check({"t": "bar"}, {"t": [async_closure]}) == {"t": ["Async says no to t."]}
    assert await check({"t": "baz"}, {"t": [no_foo, async_closure]}) == {}


async def test_extend(check: Any) -> None:
    def foo_rule(attribute: str, value: Any, params: list[str], validator: Validator) -> bool:
        return value == (params[0] if params else "foo")

    Validator.extend("is_foo", foo_rule, "The :attribute must be foo.")
    assert await check({"x": "foo"}, {"x": "required|is_foo"}) == {}
    assert await check({"x": "bar"}, {"x": "is_foo"}) == {"x": ["The x must be foo."]}
    assert await check({"x": "bar"}, {"x": "is_foo:bar"}) == {}
    assert await check({}, {"x": "is_foo"}) == {}

    async def always_fail(
        attribute: str, value: Any, params: list[str], validator: Validator
    ) -> bool:
        return False

    Validator.extend_implicit("never_ok", always_fail)
    assert await check({}, {"x": "never_ok"}) == {"x": ["validation.never_ok"]}
    assert await check({}, {"x": "never_ok"}, {"never_ok": "Nope."}) == {"x": ["Nope."]}


def test_rule_stub_exists() -> None:
    import parvel.validation

    stub = Path(parvel.validation.__file__).parent / "stubs" / "rule.stub"
    text = stub.read_text()
    assert "{{ class }}" in text
    assert "def validate(self, attribute: str, value: Any, fail: Fail) -> None:" in text
    implicit = (stub.parent / "rule.implicit.stub").read_text()
    assert "implicit = True" in implicit


def test_rule_stub_renders_to_a_working_rule() -> None:
    import parvel.validation

    folder = Path(parvel.validation.__file__).parent / "stubs"
    for name in ("rule.stub", "rule.implicit.stub"):
        source = (folder / name).read_text().replace("{{ class }}", "Uppercase")
        namespace: dict[str, Any] = {}
        exec(compile(source, name, "exec"), namespace)
        failures: list[str] = []
        namespace["Uppercase"]().validate("f", "", failures.append)
        assert failures == ["The :attribute is invalid."]
