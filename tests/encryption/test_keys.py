from __future__ import annotations

import base64

import pytest

from parvel.encryption import InvalidKeyError, generate_key, parse_key, parse_previous_keys
from parvel.exceptions import ParvelError


def test_generated_key_has_laravel_format() -> None:
    key = generate_key()
    assert key.startswith("base64:")
    assert len(key) == len("base64:") + 44
    assert len(parse_key(key)) == 32


def test_generated_keys_differ() -> None:
    assert generate_key() != generate_key()


def test_aes_128_key_is_16_bytes() -> None:
    key = generate_key("aes-128-gcm")
    assert len(parse_key(key, "aes-128-gcm")) == 16


def test_parse_accepts_laravel_key() -> None:
    raw = bytes(range(32))
    assert parse_key("base64:" + base64.b64encode(raw).decode()) == raw


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        (None, "it is empty"),
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("abcdefghijklmnopqrstuvwxyz123456", "must start with 'base64:'"),
        ("base64:not*base64!", "not valid base64"),
        ("base64:" + base64.b64encode(b"short").decode(), "decodes to 5 bytes"),
    ],
)
def test_parse_rejects_bad_keys(value: str | None, detail: str) -> None:
    with pytest.raises(InvalidKeyError) as info:
        parse_key(value)
    message = str(info.value)
    assert message.startswith("APP_KEY is missing or invalid")
    assert detail in message
    assert "parvel key:generate" in message
    assert "\n" not in message
    assert isinstance(info.value, ParvelError)
    assert info.value.code == "invalid-key"


def test_error_never_contains_the_key() -> None:
    secret = "base64:" + base64.b64encode(b"x" * 31).decode()
    with pytest.raises(InvalidKeyError) as info:
        parse_key(secret)
    assert secret[7:] not in str(info.value)


def test_unknown_cipher() -> None:
    with pytest.raises(InvalidKeyError, match="Unsupported cipher 'aes-256-cbc'"):
        generate_key("aes-256-cbc")


def test_previous_keys_in_order() -> None:
    first, second = generate_key(), generate_key()
    assert parse_previous_keys(f"{first}, {second}") == [parse_key(first), parse_key(second)]
    assert parse_previous_keys(f"{first},") == [parse_key(first)]


@pytest.mark.parametrize("value", [None, "", "  "])
def test_no_previous_keys(value: str | None) -> None:
    assert parse_previous_keys(value) == []


def test_bad_previous_key_names_its_position() -> None:
    with pytest.raises(InvalidKeyError, match=r"APP_PREVIOUS_KEYS \(key #2\)"):
        parse_previous_keys(f"{generate_key()},base64:nope")
