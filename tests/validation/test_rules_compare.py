from __future__ import annotations

from typing import Any

import pytest

from parvel.validation import UploadedFile, Validator

CASES: list[tuple[str, Any, bool]] = [
    ("max:3", "abcd", False),
    ("max:3", "ab", True),
    ("max:3", "日本語", True),
    ("max:3", [1, 2, 3, 4], False),
    ("max:3", {"a": 1}, True),
    ("max:3", 4, False),
    ("max:3", "4", True),
    ("numeric|max:3", "4", False),
    ("integer|max:3", "3", True),
    ("min:2", "a", False),
    ("min:2.5", 2.5, True),
    ("size:3", "abc", True),
    ("size:3", [1, 2], False),
    ("integer|size:10", "10", True),
    ("between:1,3", "ab", True),
    ("between:1,3", [], False),
    ("numeric|between:1,3", "3.5", False),
    ("max:1", UploadedFile.fake("a.pdf", 2), False),
    ("max:2", UploadedFile.fake("a.pdf", 2), True),
    ("size:2", UploadedFile.fake("a.pdf", 2), True),
]


@pytest.mark.parametrize(("rule", "value", "ok"), CASES)
async def test_size_rules(rule: str, value: Any, ok: bool) -> None:
    validator = Validator.make({"f": value}, {"f": rule})
    assert await validator.passes() is ok, validator.errors().messages()


FIELD_CASES: list[tuple[dict[str, Any], str, bool]] = [
    ({"f": 5, "g": 3}, "gt:g", True),
    ({"f": 3, "g": 3}, "gt:g", False),
    ({"f": 3, "g": 3}, "gte:g", True),
    ({"f": "2", "g": "10"}, "numeric|lt:g", True),
    ({"f": "abc", "g": "ab"}, "gt:g", True),
    ({"f": [1], "g": [1, 2]}, "lt:g", True),
    ({"f": [1], "g": "ab"}, "lt:g", False),
    ({"f": 5}, "gt:4", True),
    ({"f": "5"}, "numeric|lte:4", False),
    ({"f": 5}, "gt:missing", False),
    ({"f": "a", "g": "a"}, "same:g", True),
    ({"f": "a", "g": "b"}, "same:g", False),
    ({"f": "a"}, "same:g", False),
    ({"f": "a", "g": "b"}, "different:g", True),
    ({"f": 1, "g": True}, "different:g", True),
    ({"f": "a", "g": "a"}, "different:g", False),
    ({"f": "a"}, "different:g", False),
    ({"f": "a", "g": "b", "h": "c"}, "different:g,h", True),
    ({"f": "a", "g": "b", "h": "a"}, "different:g,h", False),
    ({"f": "s", "f_confirmation": "s"}, "confirmed", True),
    ({"f": "s", "f_confirmation": "t"}, "confirmed", False),
    ({"f": "s"}, "confirmed", False),
    ({"f": "s", "repeat": "s"}, "confirmed:repeat", True),
    ({"f": "php", "langs": ["php", "py"]}, "in_array:langs.*", True),
    ({"f": "go", "langs": ["php", "py"]}, "in_array:langs.*", False),
]


@pytest.mark.parametrize(("data", "rule", "ok"), FIELD_CASES)
async def test_field_comparisons(data: dict[str, Any], rule: str, ok: bool) -> None:
    validator = Validator.make(data, {"f": rule})
    assert await validator.passes() is ok, validator.errors().messages()


async def test_distinct(check: Any) -> None:
    errors = await check({"tags": ["a", "b", "a"]}, {"tags.*": "distinct"})
    assert errors == {
        "tags.0": ["The tags.0 field has a duplicate value."],
        "tags.2": ["The tags.2 field has a duplicate value."],
    }
    assert await check({"tags": ["a", "A"]}, {"tags.*": "distinct"}) == {}
    assert await check({"tags": ["a", "A"]}, {"tags.*": "distinct:ignore_case"}) != {}
    assert await check({"tags": [1, "1"]}, {"tags.*": "distinct"}) != {}
    assert await check({"tags": [1, "1"]}, {"tags.*": "distinct:strict"}) == {}


async def test_distinct_nested_wildcard(check: Any) -> None:
    data = {"users": [{"email": "a@x.io"}, {"email": "b@x.io"}, {"email": "a@x.io"}]}
    errors = await check(data, {"users.*.email": "distinct"})
    assert set(errors) == {"users.0.email", "users.2.email"}


async def test_dependent_rule_params_follow_wildcards(check: Any) -> None:
    data = {"rows": [{"a": 1, "b": 2}, {"a": 3, "b": 3}]}
    errors = await check(data, {"rows.*.a": "different:rows.*.b"})
    assert list(errors) == ["rows.1.a"]
    data2 = {"rows": [{"kind": "x"}, {"kind": "y", "v": "1"}]}
    errors2 = await check(data2, {"rows.*.v": "required_if:rows.*.kind,x"})
    assert list(errors2) == ["rows.0.v"]
