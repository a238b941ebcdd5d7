from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from parvel.validation import Rule

FUTURE = (datetime.now(UTC) + timedelta(days=5)).strftime("%Y-%m-%d")
PAST = (datetime.now(UTC) - timedelta(days=5)).strftime("%Y-%m-%d")


async def test_date_builder(check: Any) -> None:
    assert await check({"d": FUTURE}, {"d": [Rule.date().after_today()]}) == {}
    assert await check({"d": PAST}, {"d": [Rule.date().after_today()]}) == {
        "d": ["The d field must be a date after today."]
    }
    assert await check({"d": PAST}, {"d": [Rule.date().before_today()]}) == {}
    assert await check({"d": PAST}, {"d": [Rule.date().today_or_before()]}) == {}
    assert await check({"d": FUTURE}, {"d": [Rule.date().today_or_after()]}) == {}
    assert await check({"d": "nope"}, {"d": [Rule.date()]}) == {
        "d": ["The d field must be a valid date."]
    }
    between = Rule.date().between(date(2024, 1, 1), datetime(2024, 12, 31, 12, 0))
    assert await check({"d": "2024-06-01"}, {"d": [between]}) == {}
    assert await check({"d": "2025-06-01"}, {"d": [between]}) != {}
    inclusive = Rule.date().format("d/m/Y").between_or_equal("01/01/2024", "31/12/2024")
    assert await check({"d": "01/01/2024"}, {"d": [inclusive]}) == {}
    assert await check({"d": "2024-01-01"}, {"d": [inclusive]}) != {}


async def test_email_builder(check: Any) -> None:
    assert await check({"e": "a@localhost"}, {"e": [Rule.email()]}) == {}
    assert await check({"e": "a@localhost"}, {"e": [Rule.email().rfc_compliant(strict=True)]}) != {}
    assert await check({"e": "ü@example.com"}, {"e": [Rule.email().with_native_validation()]}) != {}
    unicode_ok = Rule.email().with_native_validation(allow_unicode=True).validate_mx_record()
    assert await check({"e": "ü@example.com"}, {"e": [unicode_ok]}) == {}
    rule = Rule.email().strict().prevent_spoofing().rfc_compliant()
    assert rule.to_rules()[0].params == ("strict", "filter_unicode", "rfc")


async def test_rule_objects_have_laravel_string_forms() -> None:
    import pytest

    from parvel.validation import InvalidRuleError, Rule, Validator

    assert str(Rule.in_(["a", 'b "x"'])) == 'in:"a","b ""x"""'
    assert str(Rule.not_in([1, 2])) == 'not_in:"1","2"'
    assert str(Rule.unique("users", "email").ignore(5)) == "unique:users,email,5,id"
    assert str(Rule.unique("users")) == "unique:users,NULL"
    assert str(Rule.exists("users", "id")) == "exists:users,id"
    with pytest.raises(InvalidRuleError):
        str(Rule.exists("users", "id").where("active", 1))
    rules = {
        "c": "required|" + str(Rule.in_(["a", 'b "x"'])),
        "d": "required|" + str(Rule.not_in([1, 2])),
    }
    v = Validator.make({"c": 'b "x"', "d": 2}, rules)
    await v.passes()
    assert v.errors().messages() == {"d": ["The selected d is invalid."]}
