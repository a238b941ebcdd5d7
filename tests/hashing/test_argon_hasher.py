from __future__ import annotations

import pytest

from parvel.hashing import Argon2idHasher, ArgonHasher, HashingConfigError, HashingError


def test_argon2id_make_and_check() -> None:
    hasher = Argon2idHasher(memory=1024, time=1, threads=1)
    hashed = hasher.make("secret")
    assert hashed.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    assert hasher.check("secret", hashed)
    assert not hasher.check("Secret", hashed)


def test_argon_driver_is_argon2i_like_laravel() -> None:
    hasher = ArgonHasher(memory=1024, time=1, threads=1)
    hashed = hasher.make("secret")
    assert hashed.startswith("$argon2i$")
    assert hasher.check("secret", hashed)
    assert Argon2idHasher(memory=1024, time=1).check("secret", hashed)


def test_defaults_match_laravel() -> None:
    hasher = Argon2idHasher()
    assert (hasher.memory, hasher.time, hasher.threads) == (65536, 4, 1)


def test_per_call_options() -> None:
    hasher = Argon2idHasher(memory=1024, time=1)
    hashed = hasher.make("x", {"time": 2})
    assert hasher.info(hashed)["options"] == {"memory": 1024, "time": 2, "threads": 1}
    assert hasher.needs_rehash(hashed)
    assert not hasher.needs_rehash(hashed, {"time": 2})


def test_needs_rehash() -> None:
    hasher = Argon2idHasher(memory=1024, time=1)
    hashed = hasher.make("x")
    assert not hasher.needs_rehash(hashed)
    assert Argon2idHasher(memory=2048, time=1).needs_rehash(hashed)
    assert Argon2idHasher(memory=1024, time=2).needs_rehash(hashed)
    assert Argon2idHasher(memory=1024, time=1, threads=2).needs_rehash(hashed)
    assert ArgonHasher(memory=1024, time=1).needs_rehash(hashed)
    assert hasher.needs_rehash("garbage")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"memory": 0}, "'memory' must be a positive integer"),
        ({"time": "4"}, "'time' must be a positive integer"),
        ({"threads": True}, "'threads' must be a positive integer"),
        ({"memory": 8, "threads": 2}, "at least 8 KiB per thread"),
    ],
)
def test_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(HashingConfigError, match=message):
        Argon2idHasher(**options)  # type: ignore[arg-type]


def test_unknown_per_call_option() -> None:
    with pytest.raises(HashingConfigError, match="Unknown Argon2 option"):
        Argon2idHasher(memory=1024, time=1).make("x", {"memroy": 4})


def test_bcrypt_rounds_are_ignored_like_laravel() -> None:
    """``Hash.make("x", {"rounds": 12})`` from bcrypt examples still works under Argon2."""
    hasher = Argon2idHasher(memory=1024, time=1)
    hashed = hasher.make("x", {"rounds": 12})
    assert hasher.check("x", hashed)
    assert not hasher.needs_rehash(hashed, {"rounds": 12})


def test_make_rejects_non_strings() -> None:
    with pytest.raises(HashingError, match="Cannot hash a NoneType"):
        Argon2idHasher(memory=1024, time=1).make(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("hashed", [None, "", "$argon2id$", "$argon2id$v=19$m=1024,t=1,p=1$x$y", 5])
def test_check_bad_hash_is_false(hashed: object) -> None:
    assert not Argon2idHasher(memory=1024, time=1).check("x", hashed)  # type: ignore[arg-type]
