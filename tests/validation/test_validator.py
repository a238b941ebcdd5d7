from __future__ import annotations

from typing import Any

import pytest

from parvel.validation import (
    InvalidRuleError,
    ValidationError,
    Validator,
    ValidatorNotRunError,
    validate,
)


async def test_validate_returns_only_validated_keys() -> None:
    data = {"name": "Ada", "email": "ada@example.com", "is_admin": True}
    result = await validate(data, {"name": "required|string", "email": "required|email"})
    assert result == {"name": "Ada", "email": "ada@example.com"}


async def test_validate_raises_with_message_bag() -> None:
    with pytest.raises(ValidationError) as info:
        await validate({"name": ""}, {"name": "required", "email": "required"})
    error = info.value
    assert error.errors() == {
        "name": ["The name field is required."],
        "email": ["The email field is required."],
    }
    assert str(error) == "The name field is required. (and 1 more error)"
    assert error.status_code == 422
    assert error.code == "validation-failed"
    assert error.bag.first("email") == "The email field is required."


async def test_errors_before_running_is_a_clear_error() -> None:
    validator = Validator.make({}, {"name": "required"})
    with pytest.raises(ValidatorNotRunError, match="has not run yet"):
        validator.errors()
    with pytest.raises(ValidatorNotRunError):
        validator.validated()
    with pytest.raises(ValidatorNotRunError):
        validator.safe()


async def test_validated_raises_when_invalid() -> None:
    validator = Validator.make({}, {"name": "required"})
    assert await validator.fails()
    with pytest.raises(ValidationError):
        validator.validated()


async def test_passes_and_fails_rerun() -> None:
    validator = Validator.make({"age": "20"}, {"age": "integer|min:18"})
    assert await validator.passes()
    assert not await validator.fails()
    assert validator.errors().is_empty()


async def test_non_implicit_rules_skip_absent_fields(check: Any) -> None:
    assert await check({}, {"email": "email|max:3", "age": "integer"}) == {}


async def test_empty_string_skips_non_implicit_rules(check: Any) -> None:
    assert await check({"email": "", "bio": "   "}, {"email": "email", "bio": "min:10"}) == {}


async def test_null_runs_non_implicit_rules_without_nullable(check: Any) -> None:
    errors = await check({"name": None}, {"name": "string"})
    assert errors == {"name": ["The name field must be a string."]}


async def test_nullable_stops_rules_for_none(check: Any) -> None:
    assert await check({"name": None}, {"name": "nullable|string|min:3"}) == {}
    errors = await check({"name": "ab"}, {"name": "nullable|string|min:3"})
    assert errors == {"name": ["The name field must be at least 3 characters."]}


async def test_all_rules_run_without_bail(check: Any) -> None:
    errors = await check({"code": "ab"}, {"code": "integer|min:5|digits:4"})
    assert len(errors["code"]) == 3


async def test_bail_stops_at_first_failure(check: Any) -> None:
    errors = await check({"code": "ab"}, {"code": "bail|integer|min:5"})
    assert errors == {"code": ["The code field must be an integer."]}


async def test_failed_implicit_rule_stops_the_field(check: Any) -> None:
    errors = await check({}, {"name": "required|string|min:3"})
    assert errors == {"name": ["The name field is required."]}


async def test_sometimes_only_validates_present_keys(check: Any) -> None:
    assert await check({}, {"email": "sometimes|required|email"}) == {}
    errors = await check({"email": ""}, {"email": "sometimes|required|email"})
    assert errors == {"email": ["The email field is required."]}


async def test_stop_on_first_failure(check: Any) -> None:
    errors = await check({}, {"a": "required", "b": "required"}, stop_on_first_failure=True)
    assert list(errors) == ["a"]


async def test_wildcard_rules_and_messages(check: Any) -> None:
    data = {"items": [{"qty": 2}, {"qty": 0}, {"name": "x"}]}
    errors = await check(data, {"items.*.qty": "required|integer|min:1"})
    assert errors == {
        "items.1.qty": ["The items.1.qty field must be at least 1."],
        "items.2.qty": ["The items.2.qty field is required."],
    }


async def test_wildcard_on_missing_parent_produces_nothing(check: Any) -> None:
    assert await check({}, {"items.*.qty": "required"}) == {}
    assert await check({"items": "text"}, {"items.*.qty": "required"}) == {}


async def test_nested_dot_keys(check: Any) -> None:
    data = {"user": {"profile": {"age": "x"}}}
    errors = await check(data, {"user.profile.age": "integer", "user.name": "required"})
    assert errors == {
        "user.profile.age": ["The user.profile.age field must be an integer."],
        "user.name": ["The user.name field is required."],
    }


async def test_validated_nests_wildcard_results() -> None:
    data = {"items": [{"qty": 1, "secret": 1}, {"qty": 2}], "title": "t", "extra": 1}
    v = Validator.make(data, {"title": "required", "items.*.qty": "integer"})
    assert await v.validate() == {"title": "t", "items": [{"qty": 1}, {"qty": 2}]}


async def test_validated_parent_array_rule_excludes_unvalidated_keys() -> None:
    data = {"items": [{"qty": 1, "note": "n"}], "meta": {"a": 1, "b": 2}, "tags": ["x"]}
    rules = {
        "items": "array",
        "items.*.qty": "integer",
        "meta": "array:a,b",
        "meta.a": "integer",
        "tags": "array",
    }
    v = Validator.make(data, rules)
    assert await v.validate() == {"items": [{"qty": 1}], "meta": {"a": 1, "b": 2}, "tags": ["x"]}


async def test_excluded_parent_excludes_children() -> None:
    data = {"kind": "none", "address": {"city": "Paris", "zip": "75001"}}
    rules = {"address": "exclude_if:kind,none|array", "address.city": "required|string"}
    assert await validate(data, rules) == {}


async def test_validated_omits_absent_optional_keys() -> None:
    v = Validator.make({"a": 1}, {"a": "integer", "b": "nullable|string"})
    assert await v.validate() == {"a": 1}


async def test_exclude_rules_remove_keys() -> None:
    data = {"type": "person", "company": "ACME", "name": "Ada", "secret": "x", "nick": "a"}
    rules = {
        "company": "exclude_if:type,person|required|string",
        "name": "exclude_unless:type,person|required",
        "secret": "exclude|string",
        "nick": "exclude_with:name|string",
        "alias": "exclude_without:missing|required",
    }
    assert await validate(data, rules) == {"name": "Ada"}


async def test_exclude_skips_validation_of_excluded_field(check: Any) -> None:
    rules = {"company": "exclude_if:type,person|required"}
    assert await check({"type": "person"}, rules) == {}
    assert await check({"type": "business"}, rules) == {
        "company": ["The company field is required."]
    }


async def test_safe_only_and_except() -> None:
    v = Validator.make({"a": 1, "b": 2, "c": 3}, {"a": "integer", "b": "integer"})
    await v.validate()
    safe = v.safe()
    assert safe.only("a") == {"a": 1}
    assert safe.except_("a") == {"b": 2}
    assert dict(safe) == {"a": 1, "b": 2}
    assert safe.merge({"c": 9}).all() == {"a": 1, "b": 2, "c": 9}
    assert safe["a"] == 1


async def test_after_hook_adds_errors() -> None:
    def hook(validator: Validator) -> None:
        if validator.data.get("a") == validator.data.get("b"):
            validator.errors().add("b", "Something is wrong with this field!")

    v = Validator.make({"a": 1, "b": 1}, {"a": "integer"}).after(hook)
    assert await v.fails()
    assert v.errors().get("b") == ["Something is wrong with this field!"]


async def test_async_after_hook_runs() -> None:
    seen: list[bool] = []

    async def hook(validator: Validator) -> None:
        seen.append(validator.errors().is_empty())

    v = Validator.make({}, {"a": "nullable"}).after([hook])
    assert await v.passes()
    assert seen == [True]


async def test_conditional_sometimes_method() -> None:
    v = Validator.make({"games": 150}, {"games": "integer"})
    v.sometimes("reason", "required|max:500", lambda data: data["games"] >= 100)
    assert await v.fails()
    assert v.errors().first("reason") == "The reason field is required."
    v2 = Validator.make({"games": 5}, {"games": "integer"})
    v2.sometimes(["reason"], "required", lambda data: data["games"] >= 100)
    assert await v2.passes()


async def test_failed_reports_rule_names() -> None:
    v = Validator.make({"a": "x"}, {"a": "integer|max:0"})
    await v.passes()
    assert v.failed() == {"a": {"integer": (), "max": ("0",)}}


def test_unknown_rule_fails_at_definition() -> None:
    with pytest.raises(InvalidRuleError, match="'requird' on field 'name'"):
        Validator.make({}, {"name": "requird"})


@pytest.mark.parametrize(
    "rule",
    ["max:abc", "between:1", "min:", "digits:1.5", "required_if:a", "regex:abc", "regex:/(/"],
)
def test_bad_arguments_fail_at_definition(rule: str) -> None:
    with pytest.raises(InvalidRuleError, match="field 'x'"):
        Validator.make({}, {"x": rule})


def test_rule_class_instead_of_instance_is_rejected() -> None:
    class Upper:
        def validate(self, attribute: str, value: Any, fail: Any) -> None: ...

    with pytest.raises(InvalidRuleError, match="Upper"):
        Validator.make({}, {"x": [Upper]})
    with pytest.raises(InvalidRuleError):
        Validator.make({}, {"x": [42]})


async def test_non_dict_data_is_treated_as_empty(check: Any) -> None:
    assert await check(["a"], {"name": "required"}) == {"name": ["The name field is required."]}
    assert await check(None, {"name": "string"}) == {}


async def test_rules_as_list_with_pipes_and_case(check: Any) -> None:
    errors = await check({"a": "x"}, {"a": ["Required", "integer|min:3"]})
    # A numeric rule picks the numeric size message even for a non-numeric value (as Laravel).
    assert errors == {"a": ["The a field must be an integer.", "The a field must be at least 3."]}


def test_validation_error_with_messages() -> None:
    error = ValidationError.with_messages(
        {"email": "These credentials do not match.", "x": ["a", "b"]}
    )
    assert error.errors() == {"email": ["These credentials do not match."], "x": ["a", "b"]}
    assert str(error) == "These credentials do not match. (and 2 more errors)"
    assert ValidationError.with_messages({}).message == "The given data was invalid."


async def test_sometimes_with_array_items() -> None:
    data = {
        "channels": [
            {"type": "email", "address": "abigail@example.com"},
            {"type": "url", "address": "https://example.com"},
            {"type": "email", "address": "not-an-email"},
        ]
    }
    v = Validator.make(data, {"channels.*.type": "required|in:email,url"})
    v.sometimes("channels.*.address", "email", lambda data, item: item["type"] == "email")
    v.sometimes("channels.*.address", "url", lambda data, item: item["type"] != "email")
    assert await v.fails()
    assert v.errors().messages() == {
        "channels.2.address": ["The channels.2.address field must be a valid email address."]
    }


async def test_sometimes_callback_with_varargs_gets_item() -> None:
    seen: list[Any] = []

    def callback(*args: Any) -> bool:
        seen.append(args[1])
        return False

    v = Validator.make({"a": {"b": 1}}, {}).sometimes("a.b", "string", callback)
    assert await v.passes()
    assert seen == [{"b": 1}]


async def test_escaped_dots_address_literal_keys() -> None:
    data = {"v1.0": "", "meta": {"app.name": "x"}, "items": [{"a.b": 1}]}
    rules = {
        "v1\\.0": "required",
        "meta.app\\.name": "string|min:3",
        "items.*.a\\.b": "integer|min:5",
    }
    v = Validator.make(data, rules)
    assert await v.fails()
    assert v.errors().messages() == {
        "v1.0": ["The v1.0 field is required."],
        "meta.app.name": ["The meta.app.name field must be at least 3 characters."],
        "items.0.a.b": ["The items.0.a.b field must be at least 5."],
    }
    ok = Validator.make(
        {"v1.0": "yes", "items": [{"a.b": 9}]}, {"v1\\.0": "required", "items.*.a\\.b": "integer"}
    )
    assert await ok.validate() == {"v1.0": "yes", "items": [{"a.b": 9}]}
    dependent = Validator.make({"v1.0": "x"}, {"other": "required_with:v1\\.0"})
    assert await dependent.fails()


async def test_validate_with_bag() -> None:
    with pytest.raises(ValidationError) as info:
        await Validator.make({}, {"title": "required"}).validate_with_bag("post")
    assert info.value.error_bag == "post"
    assert await Validator.make({"title": "x"}, {"title": "required"}).validate_with_bag(
        "post"
    ) == {"title": "x"}


async def test_valid_invalid_and_messages_alias() -> None:
    data = {"name": "Ada", "age": "x", "items": [{"qty": 0}, {"qty": 2}], "extra": 1}
    v = Validator.make(data, {"name": "required", "age": "integer", "items.*.qty": "integer|min:1"})
    assert await v.fails()
    assert v.messages() is v.errors()
    assert v.invalid() == {"age": "x", "items.0.qty": 0}
    assert v.valid() == {"name": "Ada", "items": [{"qty": 2}]}


async def test_custom_replacer() -> None:
    def divisible(attribute: str, value: Any, params: list[str], validator: Validator) -> bool:
        return int(value) % int(params[0]) == 0

    Validator.extend("divisible_by", divisible, "The :attribute must be divisible by :divisor.")
    Validator.replacer(
        "divisible_by",
        lambda message, attribute, rule, params: message.replace(":divisor", params[0]),
    )
    v = Validator.make({"n": "7"}, {"n": "divisible_by:3"})
    assert await v.fails()
    assert v.errors().first("n") == "The n must be divisible by 3."


async def test_sometimes_and_when_callbacks_read_input_as_attributes() -> None:
    from parvel.validation import Rule, Validator

    v = Validator.make({"games": 200, "kind": "pro"}, {"games": "integer"})
    v.sometimes("reason", "required|max:500", lambda input: input.games >= 100)
    v.sometimes("missing_key", "required", lambda input: input.nothing is not None)
    await v.passes()
    assert v.errors().messages() == {"reason": ["The reason field is required."]}
    rules = {"seats": Rule.when(lambda input: input.kind == "pro", "required|integer")}
    w = Validator.make({"kind": "pro"}, rules)
    await w.passes()
    assert w.errors().first("seats") == "The seats field is required."


async def test_safe_input_reads_like_laravel_validated_input() -> None:
    from parvel.validation import Validator

    v = Validator.make(
        {"name": "Ada", "user": {"email": "a@b.co"}, "extra": 1},
        {"name": "required|string", "user.email": "email"},
    )
    await v.passes()
    safe = v.safe()
    assert safe.name == "Ada"
    assert safe.has("name", "user.email")
    assert not safe.has("extra")
    assert safe.missing("extra")
    assert safe.input("user.email") == "a@b.co"
    assert safe.input("nope", "default") == "default"
    with pytest.raises(AttributeError):
        _ = safe.extra
