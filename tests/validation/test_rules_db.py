from __future__ import annotations

from typing import Any

import pytest

from parvel.validation import Rule, ValidationConfigError, Validator


async def test_unique_string_rule(check: Any, memory_verifier: Any) -> None:
    rules = {"email": "required|email|max:255|unique:users,email"}
    errors = await check({"email": "taken@example.com"}, rules, presence_verifier=memory_verifier)
    assert errors == {"email": ["The email has already been taken."]}
    assert await check({"email": "new@example.com"}, rules, presence_verifier=memory_verifier) == {}


async def test_unique_guesses_column_from_field(check: Any, memory_verifier: Any) -> None:
    errors = await check(
        {"email": "taken@example.com"}, {"email": "unique:users"}, presence_verifier=memory_verifier
    )
    assert "email" in errors
    assert memory_verifier.calls[-1][:3] == ("count", "users", "email")


async def test_unique_ignore_and_where(check: Any, memory_verifier: Any) -> None:
    rule = Rule.unique("users", "email").ignore(1)
    assert (
        await check(
            {"email": "taken@example.com"}, {"email": [rule]}, presence_verifier=memory_verifier
        )
        == {}
    )
    string_ignore = "unique:users,email,1,id"
    assert (
        await check(
            {"email": "taken@example.com"},
            {"email": string_ignore},
            presence_verifier=memory_verifier,
        )
        == {}
    )
    scoped = Rule.unique("users", "email").where("team_id", 2)
    assert (
        await check(
            {"email": "taken@example.com"}, {"email": [scoped]}, presence_verifier=memory_verifier
        )
        == {}
    )
    trashed = Rule.unique("users", "email").without_trashed()
    assert (
        await check(
            {"email": "other@example.com"}, {"email": [trashed]}, presence_verifier=memory_verifier
        )
        == {}
    )


async def test_unique_ignore_model_instance(check: Any, memory_verifier: Any) -> None:
    class User:
        table = "users"
        id = 1

    rule = Rule.unique(User, "email").ignore(User())
    errors = await check(
        {"email": "taken@example.com"}, {"email": [rule]}, presence_verifier=memory_verifier
    )
    assert errors == {}


async def test_unique_with_orm_style_model(check: Any, memory_verifier: Any) -> None:
    class Account:
        @classmethod
        def get_table(cls) -> str:
            return "users"

        def get_key_name(self) -> str:
            return "id"

        def get_key(self) -> int:
            return 1

    rule = Rule.unique(Account, "email").ignore(Account())
    assert (
        await check(
            {"email": "taken@example.com"}, {"email": [rule]}, presence_verifier=memory_verifier
        )
        == {}
    )
    assert rule.to_rules()[0].params[:4] == ("users", "email", 1, "id")


def test_table_name_errors() -> None:
    from parvel.validation import InvalidRuleError

    with pytest.raises(InvalidRuleError, match="table name"):
        Rule.unique(object())


async def test_unique_on_connection(check: Any, memory_verifier: Any) -> None:
    errors = await check(
        {"email": "old@example.com"},
        {"email": "unique:archive.users"},
        presence_verifier=memory_verifier,
    )
    assert errors == {"email": ["The email has already been taken."]}


async def test_exists(check: Any, memory_verifier: Any) -> None:
    rules = {"tag": "exists:tags,name"}
    assert await check({"tag": "php"}, rules, presence_verifier=memory_verifier) == {}
    assert await check({"tag": "go"}, rules, presence_verifier=memory_verifier) == {
        "tag": ["The selected tag is invalid."]
    }


async def test_exists_with_arrays(check: Any, memory_verifier: Any) -> None:
    rules = {"tags": ["array", Rule.exists("tags", "name")]}
    assert (
        await check({"tags": ["php", "python", "php"]}, rules, presence_verifier=memory_verifier)
        == {}
    )
    assert await check({"tags": ["php", "go"]}, rules, presence_verifier=memory_verifier) != {}
    assert await check({"tags": [["nested"]]}, rules, presence_verifier=memory_verifier) != {}


async def test_presence_rules_skip_when_field_already_failed(
    check: Any, memory_verifier: Any
) -> None:
    rules = {"email": "email|unique:users"}
    errors = await check({"email": "nope"}, rules, presence_verifier=memory_verifier)
    assert errors == {"email": ["The email field must be a valid email address."]}
    assert memory_verifier.calls == []


async def test_global_presence_verifier(memory_verifier: Any) -> None:
    Validator.set_presence_verifier(memory_verifier)
    v = Validator.make({"tag": "php"}, {"tag": "exists:tags,name"})
    assert await v.passes()


async def test_missing_verifier_is_clear() -> None:
    v = Validator.make({"tag": "php"}, {"tag": "exists:tags,name"})
    with pytest.raises(ValidationConfigError, match="presence verifier"):
        await v.passes()


async def test_current_password() -> None:
    async def checker(value: str, guard: str | None) -> bool:
        return value == ("secret" if guard is None else "api-secret")

    v = Validator.make({"password": "nope"}, {"password": "current_password"})
    with pytest.raises(ValidationConfigError, match="password checker"):
        await v.passes()
    Validator.set_password_checker(checker)
    assert await Validator.make({"password": "secret"}, {"password": "current_password"}).passes()
    v = Validator.make({"password": "nope"}, {"password": "current_password"})
    assert await v.fails()
    assert v.errors().first("password") == "The password is incorrect."
    assert await Validator.make({"p": "api-secret"}, {"p": "current_password:api"}).passes()
