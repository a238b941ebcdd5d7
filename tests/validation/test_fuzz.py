"""Property tests: any JSON/form shape against a broad rule set yields messages, never a crash."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parvel.validation import (
    InvalidRuleError,
    Rule,
    UploadedFile,
    ValidationError,
    Validator,
    validate,
)
from parvel.validation._parser import SPECS

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            " ",
            "0",
            "1",
            "yes",
            "off",
            "2024-02-30",
            "tomorrow",
            "1e309",
            "NaN",
            "-0",
            "١٢٣",
            "a@b",
            "http://",
            "#fff",
            "\x00",
            "\ud7ff",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "{}",
            "[1,",
            "Y-m-d",
        ]
    )
)
json_like = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["a", "b", "items", "*", "0"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=40,
)
forms = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "email",
            "age",
            "items",
            "start",
            "end",
            "tags",
            "meta",
            "password",
            "password_confirmation",
            "flag",
            "code",
            "file",
            "a.b",
            "",
        ]
    ),
    json_like | st.builds(lambda b: UploadedFile("x.png", b), st.binary(max_size=64)),
    max_size=12,
)

RULES: dict[str, Any] = {
    "name": "required|string|min:2|max:255|alpha_dash|starts_with:a,b|lowercase",
    "email": "bail|required|email:rfc,strict|max:255|ends_with:.com|not_regex:/admin/i",
    "age": "nullable|integer|between:0,150|digits_between:1,3|multiple_of:1|gt:0",
    "items": "array|min:1|max:50",
    "items.*.qty": "required|integer|min:1|max_digits:4|distinct",
    "items.*.sku": "required_with:items.*.qty|string|size:8|different:name",
    "items.*": "array:qty,sku,price",
    "start": "date|before:end|after:2000-01-01|date_format:Y-m-d",
    "end": "date|after_or_equal:start|before_or_equal:+10 years",
    "tags": ["array", "list", Rule.in_(["a", "b", "c"]), "contains:a"],
    "tags.*": "distinct:ignore_case|string|in_array:tags.*",
    "meta": "sometimes|json|array|required_array_keys:x",
    "password": ["required", "confirmed", Rule.password().min(8).mixed_case().numbers().symbols()],
    "flag": "boolean|accepted_if:name,admin|declined_if:name,guest|prohibits:code",
    "code": "uuid|ulid|ip|ipv6|mac_address|hex_color|timezone|url:https|active_url|ascii",
    "file": "file|image|mimes:png,jpg|mimetypes:image/*|extensions:png|dimensions:min_width=1|max:10",
    "missing_field": "missing_if:flag,true|present_unless:flag,false|prohibited_unless:name,x",
    "x": "exclude_if:flag,true|required_without_all:name,email|numeric|decimal:0,2|uppercase",
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms)
async def test_any_form_gives_messages_not_crashes(data: dict[str, Any]) -> None:
    validator = Validator.make(data, RULES)
    passed = await validator.passes()
    bag = validator.errors()
    assert passed == bag.is_empty()
    for message in bag.all():
        assert isinstance(message, str)
        assert message


@settings(max_examples=200, deadline=None)
@given(json_like)
async def test_any_value_for_every_rule_family(value: Any) -> None:
    data = {"f": value, "other": value, "f_confirmation": value}
    bag = None
    try:
        result = await validate(data, {"f": "nullable|" + "|".join(SINGLE_RULES)})
    except ValidationError as exc:
        bag = exc.bag
    if bag is not None:
        assert bag.is_not_empty()
    else:
        assert isinstance(result, dict)


SINGLE_RULES = [
    "accepted_if:other,1",
    "after:other",
    "alpha",
    "alpha_num",
    "between:1,2",
    "boolean",
    "confirmed",
    "date",
    "date_equals:today",
    "decimal:1",
    "declined_if:other,0",
    "digits:2",
    "distinct",
    "doesnt_start_with:x",
    "doesnt_end_with:y",
    "email",
    "filled",
    "gte:other",
    "in:a",
    "integer",
    "json",
    "lt:other",
    "lte:5",
    "max:3",
    "min_digits:1",
    "not_in:b",
    "numeric",
    "present",
    "required_if:other,x",
    "same:other",
    "size:2",
    "string",
    "url",
    "doesnt_contain:z",
    "encoding:utf-8",
    "in_array_keys:a",
    "list",
]


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=1000, max_value=5000))
async def test_huge_inputs_finish(size: int) -> None:
    data = {
        "items": [{"qty": i % 7, "sku": str(i)} for i in range(size)],
        "name": "a" * (size * 10),
        "deep": _nest(200),
    }
    rules = {
        "items.*.qty": "required|integer|min:1|distinct",
        "items.*.sku": "required|string|size:8",
        "name": "string|max:255",
        "deep": "array",
    }
    validator = Validator.make(data, rules)
    assert await validator.fails()
    assert validator.errors().has("items.0.qty")
    assert (
        validator.errors().first("name")
        == "The name field must not be greater than 255 characters."
    )


def _nest(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"a": value}
    return value


class _NoRows:
    async def get_count(self, *args: Any, **kwargs: Any) -> int:
        return 0

    async def get_multi_count(self, *args: Any, **kwargs: Any) -> int:
        return 0


_PARAMS = st.lists(
    st.text(max_size=6)
    | st.sampled_from(
        [
            "1",
            "-1",
            "a",
            "*",
            "x=1",
            "ratio=1/0",
            "min_width=2",
            "nan",
            "/x/",
            "Y-m-d",
            "TT",
            "NULL",
        ]
    ),
    max_size=4,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(SPECS)),
    _PARAMS,
    st.sampled_from([None, "x", 5, [1, "2"], {"a": 1}, "2024-01-01", ""]),
)
async def test_any_rule_definition_fails_early_or_runs_cleanly(
    name: str, params: list[str], value: Any
) -> None:
    rule = name + (":" + ",".join(params) if params else "")
    try:
        validator = Validator.make(
            {"f": value, "x": value, "a": [value]},
            {"f": rule, "a.*": rule},
            presence_verifier=_NoRows(),
        )
    except InvalidRuleError:
        return

    async def checker(password: str, guard: str | None) -> bool:
        return True

    Validator.set_password_checker(checker)
    passed = await validator.passes()
    assert passed == validator.errors().is_empty()
