from __future__ import annotations

from typing import Any

from parvel.validation import Validator
from parvel.validation.lang.en import MESSAGES


async def test_size_messages_per_type(check: Any) -> None:
    rules = {"s": "min:5", "n": "integer|min:5", "a": "array|min:5"}
    errors = await check({"s": "abc", "n": 3, "a": [1]}, rules)
    assert errors == {
        "s": ["The s field must be at least 5 characters."],
        "n": ["The n field must be at least 5."],
        "a": ["The a field must have at least 5 items."],
    }
    errors = await check({"b": "abcdef"}, {"b": "between:1,3"})
    assert errors == {"b": ["The b field must be between 1 and 3 characters."]}


async def test_attribute_names_show_spaces_and_custom_names(check: Any) -> None:
    errors = await check({}, {"first_name": "required", "lastName": "required"})
    assert errors == {
        "first_name": ["The first name field is required."],
        "lastName": ["The last name field is required."],
    }
    errors = await check({}, {"email": "required"}, attributes={"email": "email address"})
    assert errors == {"email": ["The email address field is required."]}


async def test_custom_messages_lookup_order(check: Any) -> None:
    messages = {
        "email.required": "We need your email!",
        "required": "The :attribute is missing.",
        "items.*.qty.min": "Item :position needs at least :min.",
        "max": "Too long: :attribute (:max).",
    }
    data = {"items": [{"qty": 0}], "title": "abcdef"}
    rules = {
        "email": "required",
        "name": "required",
        "items.*.qty": "integer|min:1",
        "title": "max:3",
    }
    errors = await check(data, rules, messages)
    assert errors == {
        "email": ["We need your email!"],
        "name": ["The name is missing."],
        "items.0.qty": ["Item 1 needs at least 1."],
        "title": ["Too long: title (3)."],
    }


async def test_placeholder_case_variants(check: Any) -> None:
    errors = await check({}, {"name": "required"}, {"required": ":Attribute / :ATTRIBUTE / :input"})
    assert errors == {"name": ["Name / NAME / empty"]}
    errors = await check({"n": "x"}, {"n": "integer"}, {"integer": "Got :input"})
    assert errors == {"n": ["Got x"]}


async def test_dependent_placeholders(check: Any) -> None:
    errors = await check({"type": "business"}, {"company": "required_if:type,business"})
    assert errors == {"company": ["The company field is required when type is business."]}
    errors = await check({"flag": True}, {"x": "required_if:flag,true"})
    assert errors == {"x": ["The x field is required when flag is true."]}
    errors = await check({}, {"phone": "required_without:email,mobile"})
    assert errors == {"phone": ["The phone field is required when email / mobile is not present."]}
    errors = await check({"t": "b"}, {"x": "required_unless:t,a,c"})
    assert errors == {"x": ["The x field is required unless t is in a, c."]}
    errors = await check({"a": 1, "b": 2}, {"a": "same:b"})
    assert errors == {"a": ["The a field must match b."]}
    errors = await check({"a": 3}, {"a": "integer|gt:5"})
    assert errors == {"a": ["The a field must be greater than 5."]}
    errors = await check({"a": "ab", "b": "abcd"}, {"a": "gt:b"})
    assert errors == {"a": ["The a field must be greater than 4 characters."]}
    errors = await check({"a": "x"}, {"a": "in:b,c"})
    assert errors == {"a": ["The selected a is invalid."]}
    errors = await check({"a": "x"}, {"a": "starts_with:b,c"})
    assert errors == {"a": ["The a field must start with one of the following: b, c."]}
    errors = await check({"a": "1.5"}, {"a": "decimal:2,3"})
    assert errors == {"a": ["The a field must have 2-3 decimal places."]}
    errors = await check({"a": "12"}, {"a": "digits:3"})
    assert errors == {"a": ["The a field must be 3 digits."]}
    errors = await check({"a": 7}, {"a": "multiple_of:5"})
    assert errors == {"a": ["The a field must be a multiple of 5."]}
    errors = await check({"a": "x", "b": "y"}, {"a": "prohibits:b"})
    assert errors == {"a": ["The a field prohibits b from being present."]}
    errors = await check({"a": "x", "langs": ["y"]}, {"a": "in_array:langs.*"})
    assert errors == {"a": ["The a field must exist in langs.*."]}


async def test_app_language_lines_override_defaults(check: Any) -> None:
    Validator.set_default_messages(
        {
            "required": "Please fill in :attribute.",
            "min": {"string": ":attribute: at least :min chars."},
            "custom": {"email": {"email": "That email looks wrong."}},
            "attributes": {"dob": "date of birth"},
            "values": {"kind": {"biz": "a business"}},
        }
    )
    errors = await check(
        {"email": "bad", "name": "ab", "kind": "biz"},
        {"email": "email", "dob": "required", "name": "min:3", "vat": "required_if:kind,biz"},
    )
    assert errors == {
        "email": ["That email looks wrong."],
        "dob": ["Please fill in date of birth."],
        "name": ["name: at least 3 chars."],
        "vat": ["The vat field is required when kind is a business."],
    }
    errors = await check({"n": 1}, {"n": "integer|min:3"})
    assert errors == {"n": ["The n field must be at least 3."]}


def test_default_lines_match_laravel_wording() -> None:
    assert MESSAGES["required"] == "The :attribute field is required."
    assert MESSAGES["min"]["string"] == "The :attribute field must be at least :min characters."
    assert MESSAGES["unique"] == "The :attribute has already been taken."
    assert (
        MESSAGES["max"]["file"] == "The :attribute field must not be greater than :max kilobytes."
    )


async def test_wildcard_fields_show_raw_names(check: Any) -> None:
    errors = await check({"items": [{"unit_price": "x"}]}, {"items.*.unit_price": "numeric"})
    assert errors == {"items.0.unit_price": ["The items.0.unit_price field must be a number."]}
    errors = await check(
        {"items": [{"unit_price": "x"}]},
        {"items.*.unit_price": "numeric"},
        attributes={"items.*.unit_price": "price"},
    )
    assert errors == {"items.0.unit_price": ["The price field must be a number."]}


async def test_nested_and_attribute_keyed_messages(check: Any) -> None:
    messages = {
        "email": {"required": "Email please.", "email": "Real email please."},
        "name": "Name problem.",
    }
    errors = await check({"email": "x"}, {"email": "required|email", "name": "required"}, messages)
    assert errors == {"email": ["Real email please."], "name": ["Name problem."]}
    errors = await check({}, {"email": "required"}, {"email": {"email": "unused"}})
    assert errors == {"email": ["The email field is required."]}


async def test_wildcard_message_keys_match_one_segment(check: Any) -> None:
    data = {"a": [{"b": [{"c": ""}]}]}
    messages = {
        "a.*.c.required": "too shallow",
        "a.*.b.*.c.required": "C is required (:first-index/:second-position).",
    }
    errors = await check(data, {"a.*.b.*.c": "required"}, messages)
    assert errors == {"a.0.b.0.c": ["C is required (0/1)."]}


async def test_size_messages_as_dict_in_custom_messages(check: Any) -> None:
    messages = {"max": {"string": "Too long (:max chars).", "numeric": "Too big (:max)."}}
    errors = await check({"s": "abcdef", "n": 9}, {"s": "max:3", "n": "integer|max:3"}, messages)
    assert errors == {"s": ["Too long (3 chars)."], "n": ["Too big (3)."]}


async def test_dimensions_placeholders(check: Any) -> None:
    from parvel.validation import UploadedFile

    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00d\x00\x00\x002\x08\x02\x00\x00\x00%W\xe9\xe9"
    errors = await check(
        {"f": UploadedFile("a.png", png)},
        {"f": "dimensions:min_width=200"},
        {"dimensions": "At least :min_width pixels wide."},
    )
    assert errors == {"f": ["At least 200 pixels wide."]}


async def test_unless_rules_show_the_rule_value_not_the_input() -> None:
    from parvel.validation import Validator

    v = Validator.make(
        {"a": "y", "m": 1, "c": None},
        {"a": "string", "m": "missing_unless:a,x", "c": "present_unless:a,x"},
    )
    await v.passes()
    v2 = Validator.make({"a": "y"}, {"c": "present_unless:a,x"})
    await v2.passes()
    assert v.errors().first("m") == "The m field must be missing unless a is x."
    assert v2.errors().first("c") == "The c field must be present unless a is x."


async def test_other_value_and_values_case_variants() -> None:
    from parvel.validation import Validator

    v = Validator.make(
        {"payment_type": "cc"},
        {"card": "required_if:payment_type,cc", "zip": "required_with:payment_type"},
        {
            "card.required_if": ":Attribute when :Other is :VALUE",
            "zip.required_with": ":ATTRIBUTE with :Values",
        },
    )
    await v.passes()
    assert v.errors().first("card") == "Card when Payment type is CC"
    assert v.errors().first("zip") == "ZIP with Payment type"


async def test_size_message_kind_follows_the_rules() -> None:
    from parvel.validation import Validator

    v = Validator.make(
        {"age": "x", "tags": "abc"}, {"age": "integer|min:18", "tags": "array|max:1"}
    )
    await v.passes()
    assert v.errors().get("age") == [
        "The age field must be an integer.",
        "The age field must be at least 18.",
    ]
    assert v.errors().get("tags")[0] == "The tags field must be an array."


async def test_different_names_only_the_first_other_field() -> None:
    from parvel.validation import Validator

    v = Validator.make({"a": 1, "b": 2, "c": 1}, {"c": "different:a,b"})
    await v.passes()
    assert v.errors().first("c") == "The c field and a must be different."


async def test_positions_in_messages_and_custom_attribute_names() -> None:
    from parvel.validation import Validator

    data = {"photos": [{"d": ""}, {"d": ""}, {"d": ""}]}
    v = Validator.make(
        data, {"photos.*.d": "required"}, {"photos.*.d.required": "Photo :ordinal-position."}
    )
    await v.passes()
    assert v.errors().all() == ["Photo 1st.", "Photo 2nd.", "Photo 3rd."]
    w = Validator.make(
        data, {"photos.*.d": "required"}, attributes={"photos.*.d": "photo #:position"}
    )
    await w.passes()
    assert w.errors().first("photos.1.d") == "The photo #2 field is required."


async def test_required_if_shows_empty_for_a_missing_other_field() -> None:
    from parvel.validation import Validator

    v = Validator.make({}, {"c": "required_if:a,null", "d": "string|max:3"})
    await v.passes()
    assert v.errors().first("c") == "The c field is required when a is empty."
    w = Validator.make({"n": 12345}, {"n": "string|max:3"})
    await w.passes()
    assert w.errors().get("n")[-1] == "The n field must not be greater than 3 characters."


async def test_size_parameters_show_as_written() -> None:
    from parvel.validation import Validator

    v = Validator.make({"a": 3, "b": 5}, {"a": "numeric|max:2.50", "b": "numeric|between:1.0,3"})
    await v.passes()
    assert v.errors().first("a") == "The a field must not be greater than 2.50."
    assert v.errors().first("b") == "The b field must be between 1.0 and 3."
