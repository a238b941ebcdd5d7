from __future__ import annotations

import pytest

from parvel.hashing import (
    BCRYPT_MAX_BYTES,
    BcryptHasher,
    HashingConfigError,
    HashingError,
    PasswordTooLongError,
)


def test_make_and_check() -> None:
    hasher = BcryptHasher(rounds=4)
    hashed = hasher.make("secret")
    assert hashed.startswith("$2b$04$")
    assert hasher.check("secret", hashed)
    assert not hasher.check("secret ", hashed)


def test_default_rounds_match_laravel() -> None:
    assert BcryptHasher().rounds == 12


def test_laravel_2y_hash_verifies(laravel_bcrypt: str) -> None:
    hasher = BcryptHasher(rounds=4)
    assert hasher.check("password", laravel_bcrypt)
    assert not hasher.check("Password", laravel_bcrypt)
    assert hasher.info(laravel_bcrypt) == {
        "algo": "bcrypt",
        "algo_name": "bcrypt",
        "options": {"rounds": 10},
    }


def test_2y_and_2b_are_the_same_for_rehash() -> None:
    hasher = BcryptHasher(rounds=4)
    hashed = hasher.make("x")
    assert not hasher.needs_rehash(hashed.replace("$2b$", "$2y$"))
    assert hasher.check("x", hashed.replace("$2b$", "$2y$"))


def test_needs_rehash_on_cost_change() -> None:
    hashed = BcryptHasher(rounds=4).make("x")
    assert BcryptHasher(rounds=5).needs_rehash(hashed)
    assert not BcryptHasher(rounds=5).needs_rehash(hashed, {"rounds": 4})
    assert BcryptHasher(rounds=4).needs_rehash("$argon2id$v=19$m=1024,t=1,p=1$abc$def")


def test_per_call_rounds() -> None:
    assert BcryptHasher(rounds=4).make("x", {"rounds": 5}).startswith("$2b$05$")


def test_over_72_bytes_is_rejected_when_hashing() -> None:
    hasher = BcryptHasher(rounds=4)
    hasher.make("a" * BCRYPT_MAX_BYTES)
    with pytest.raises(PasswordTooLongError, match="73 bytes long") as info:
        hasher.make("a" * 73)
    assert "argon2id" in str(info.value)
    with pytest.raises(PasswordTooLongError, match="74 bytes"):
        hasher.make("é" * 37)


def test_check_compares_first_72_bytes_like_php() -> None:
    hasher = BcryptHasher(rounds=4)
    hashed = hasher.make("a" * 72)
    assert hasher.check("a" * 72 + "anything after byte 72", hashed)
    assert not hasher.check("a" * 71, hashed)


@pytest.mark.parametrize("rounds", [3, 32, "12", None, True])
def test_bad_rounds(rounds: object) -> None:
    with pytest.raises(HashingConfigError, match="bcrypt rounds must be an integer from 4 to 31"):
        BcryptHasher(rounds)  # type: ignore[arg-type]


def test_make_rejects_non_strings() -> None:
    with pytest.raises(HashingError):
        BcryptHasher(rounds=4).make(12)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "hashed",
    [None, "", "$2y$", "$2y$10$short", "$2y$99$" + "a" * 53, "$2z$10$" + "a" * 53, 12],
)
def test_check_bad_hash_is_false(hashed: object) -> None:
    assert not BcryptHasher(rounds=4).check("x", hashed)  # type: ignore[arg-type]


def test_check_none_password(laravel_bcrypt: str) -> None:
    assert not BcryptHasher(rounds=4).check(None, laravel_bcrypt)
