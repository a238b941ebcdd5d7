from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parvel.hashing import (
    Argon2idHasher,
    BcryptHasher,
    HashInfo,
    HashingConfigError,
    HashingError,
    HashManager,
)

FAST: dict[str, Any] = {"argon": {"memory": 1024, "time": 1}, "bcrypt": {"rounds": 4}}


def test_default_driver_is_argon2id() -> None:
    manager = HashManager(FAST)
    assert manager.default_driver == "argon2id"
    assert isinstance(manager.driver(), Argon2idHasher)
    assert manager.make("secret").startswith("$argon2id$")


def test_manager_works_without_config() -> None:
    manager = HashManager()
    assert manager.default_driver == "argon2id"
    assert manager.rehash_on_login is True


def test_make_and_check(hasher: HashManager) -> None:
    hashed = hasher.make("secret")
    assert hasher.check("secret", hashed)
    assert not hasher.check("wrong", hashed)


def test_empty_password_is_allowed(hasher: HashManager, bcrypt_hasher: HashManager) -> None:
    for manager in (hasher, bcrypt_hasher):
        hashed = manager.make("")
        assert manager.check("", hashed)
        assert not manager.check(" ", hashed)


def test_argon2id_driver_checks_laravel_bcrypt(hasher: HashManager, laravel_bcrypt: str) -> None:
    assert hasher.check("password", laravel_bcrypt)
    assert not hasher.check("secret", laravel_bcrypt)
    assert hasher.needs_rehash(laravel_bcrypt)


def test_bcrypt_driver_checks_argon_hashes(hasher: HashManager, bcrypt_hasher: HashManager) -> None:
    argon = hasher.make("secret")
    argon2i = hasher.driver("argon").make("secret")
    assert bcrypt_hasher.check("secret", argon)
    assert bcrypt_hasher.check("secret", argon2i)
    assert bcrypt_hasher.needs_rehash(argon)
    assert bcrypt_hasher.make("secret").startswith("$2b$04$")


def test_argon_driver(fast_config: dict[str, Any]) -> None:
    manager = HashManager({**fast_config, "driver": "argon"})
    hashed = manager.make("x")
    assert hashed.startswith("$argon2i$")
    assert manager.check("x", hashed)
    assert not manager.needs_rehash(hashed)


def test_needs_rehash_after_config_change(fast_config: dict[str, Any]) -> None:
    hashed = HashManager(fast_config).make("x")
    assert not HashManager(fast_config).needs_rehash(hashed)
    stronger = {**fast_config, "argon": {"memory": 2048, "time": 1}}
    assert HashManager(stronger).needs_rehash(hashed)


def test_info(hasher: HashManager, laravel_bcrypt: str) -> None:
    assert hasher.info(hasher.make("x")) == {
        "algo": "argon2id",
        "algo_name": "argon2id",
        "options": {"memory": 1024, "time": 1, "threads": 1},
    }
    assert hasher.info(laravel_bcrypt)["algo"] == "bcrypt"
    assert hasher.info("plain") == {"algo": None, "algo_name": "unknown", "options": {}}


def test_is_hashed(hasher: HashManager, laravel_bcrypt: str) -> None:
    assert hasher.is_hashed(hasher.make("x"))
    assert hasher.is_hashed(laravel_bcrypt)
    assert not hasher.is_hashed("password")
    assert not hasher.is_hashed("")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"driver": "bcrypt", "bcrypt": {"rounds": 2}}, "bcrypt rounds must be"),
        ({"driver": "bcrypt", "bcrypt": {"cost": 10}}, r"Unknown option\(s\) cost"),
        ({"argon": {"memory": -1}}, "'memory' must be a positive integer"),
        ({"argon": "fast"}, "'argon' must be a dict"),
    ],
)
def test_bad_config(config: dict[str, Any], message: str) -> None:
    with pytest.raises(HashingConfigError, match=message) as info:
        HashManager(config)
    assert "\n" not in str(info.value)


def test_laravel_verify_option_is_accepted() -> None:
    manager = HashManager({"driver": "bcrypt", "bcrypt": {"rounds": 4, "verify": True}})
    assert manager.make("x").startswith("$2b$04$")


def test_rehash_on_login_flag(fast_config: dict[str, Any]) -> None:
    assert not HashManager({**fast_config, "rehash_on_login": False}).rehash_on_login


class PlainHasher:
    """A deliberately silly custom driver, to prove extend() works."""

    def make(self, password: str, options: Mapping[str, int] | None = None) -> str:
        return "plain:" + password

    def check(self, password: str | None, hashed: str | None) -> bool:
        return hashed == f"plain:{password}"

    def needs_rehash(self, hashed: str, options: Mapping[str, int] | None = None) -> bool:
        return not hashed.startswith("plain:")

    def info(self, hashed: str) -> HashInfo:
        return {"algo": "plain", "algo_name": "plain", "options": {}}


def test_extend_with_custom_driver(fast_config: dict[str, Any], laravel_bcrypt: str) -> None:
    manager = HashManager({**fast_config, "driver": "bcrypt"})
    manager.extend("plain", lambda config: PlainHasher())
    assert manager.driver("plain").make("x") == "plain:x"
    assert manager.make("x").startswith("$2b$")


def test_unregistered_custom_driver_fails_on_use() -> None:
    manager = HashManager({"driver": "plain"})
    with pytest.raises(HashingConfigError, match="Unknown hashing driver 'plain'"):
        manager.make("x")


def test_custom_default_driver_checks_its_own_and_builtin_hashes(laravel_bcrypt: str) -> None:
    manager = HashManager({**FAST, "driver": "plain"})
    manager.extend("plain", lambda config: PlainHasher())
    assert manager.make("x") == "plain:x"
    assert manager.check("x", "plain:x")
    assert manager.check("password", laravel_bcrypt)
    assert not manager.check("y", "plain:x")


def test_drivers_are_cached(hasher: HashManager) -> None:
    assert hasher.driver("bcrypt") is hasher.driver("bcrypt")
    assert isinstance(hasher.driver("bcrypt"), BcryptHasher)


MANAGER = HashManager(FAST)
ARGON_HASH = MANAGER.make("correct horse")
BCRYPT_HASH = MANAGER.driver("bcrypt").make("correct horse")


@given(st.one_of(st.none(), st.text(), st.binary(), st.integers()))
def test_check_garbage_hash_is_false(hashed: Any) -> None:
    assert MANAGER.check("correct horse", hashed) is False
    assert MANAGER.check(None, hashed) is False


@given(st.text(), st.text(max_size=3))
def test_check_mangled_hashes_is_false(prefix: str, suffix: str) -> None:
    for real in (ARGON_HASH, BCRYPT_HASH):
        mangled = real[: len(prefix) % len(real)] + suffix
        if mangled != real:
            assert MANAGER.check("correct horse", mangled) is False


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(codec=None)))
def test_check_wrong_passwords_is_false(password: str) -> None:
    if password != "correct horse":
        assert MANAGER.check(password, ARGON_HASH) is False
        assert MANAGER.check(password, BCRYPT_HASH) is False


def test_unknown_driver_message(hasher: HashManager) -> None:
    with pytest.raises(HashingConfigError) as info:
        hasher.driver("md5")
    assert str(info.value) == (
        "Unknown hashing driver 'md5' in config/hashing.py. Use one of: argon, argon2id, "
        "bcrypt (or register it with HashManager.extend)."
    )


@pytest.mark.parametrize("driver", ["argon2id", "bcrypt"])
def test_make_lone_surrogate_raises_hashing_error(fast_config: dict[str, Any], driver: str) -> None:
    with pytest.raises(HashingError, match="not valid Unicode"):
        HashManager({**fast_config, "driver": driver}).make("\ud800")
