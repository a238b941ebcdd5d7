from __future__ import annotations

import re

import pytest

from parvel.validation import InvalidRuleError
from parvel.validation._parser import compile_php_regex, parse_rules, parse_string


def test_parse_string_splits_rules_and_params() -> None:
    rules = parse_string("f", "required|max:255|in:a,b|unique:users,email")
    assert [(r.name, r.params) for r in rules] == [
        ("required", ()),
        ("max", ("255",)),
        ("in", ("a", "b")),
        ("unique", ("users", "email")),
    ]


def test_parse_is_cached() -> None:
    assert parse_string("f", "required|string") is parse_string("f", "required|string")


def test_quoted_params_and_camel_case_names() -> None:
    (rule,) = parse_string("f", 'in:"a,b",c')
    assert rule.params == ("a,b", "c")
    (camel,) = parse_string("f", "requiredIf:t,1")
    assert camel.name == "required_if"
    assert [r.name for r in parse_string("f", "Required | | max:3")] == ["required", "max"]


def test_regex_params_keep_commas() -> None:
    (rule,) = parse_rules("f", ["regex:/^[a-z]{1,3}$/i"])
    assert isinstance(rule.params[0], re.Pattern)
    assert rule.params[0].pattern == "^[a-z]{1,3}$"
    assert rule.params[0].flags & re.IGNORECASE


def test_php_regex_translation() -> None:
    assert compile_php_regex(r"/^a\z/").search("a")
    assert compile_php_regex("#^a/b$#").search("a/b")
    assert compile_php_regex("{^x$}").search("x")
    for bad in ("abc", "/abc", "/a/q", "/(/"):
        with pytest.raises(ValueError):
            compile_php_regex(bad)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("nope", "Unknown validation rule 'nope' on field 'f'"),
        ("between:1", "takes 2 parameter(s), got 1"),
        ("size", "takes 1 parameter(s), got 0"),
        ("digits:x", "needs integer parameters"),
        ("max:1,2", "takes 1 parameter(s), got 2"),
        ("string:x", "takes 0 parameter(s)"),
        ("required_if:a", "takes 2+ parameter(s)"),
    ],
)
def test_bad_rules_name_the_problem(rule: str, message: str) -> None:
    with pytest.raises(InvalidRuleError) as info:
        parse_rules("f", rule)
    assert message in str(info.value)
    assert info.value.hint


@pytest.mark.parametrize(
    "rule",
    ["dimensions:depth=3", "dimensions:ratio=1/0", "dimensions:ratio=inf", "dimensions:width=x"],
)
def test_bad_dimensions_fail_at_definition(rule: str) -> None:
    with pytest.raises(InvalidRuleError, match="dimensions"):
        parse_rules("f", rule)


async def test_odd_params_never_crash(check: object) -> None:
    from parvel.validation import Validator

    assert await Validator.make({"f": "x"}, {"f": 'in:"a\r,"b'}).fails()
    assert await Validator.make({"f": "x"}, {"f": "date_format:TT"}).fails()
    assert await Validator.make({"f": "99999999999999999"}, {"f": "date_format:U"}).fails()
