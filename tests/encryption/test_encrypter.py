from __future__ import annotations

import base64
import dataclasses
import os
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parvel.encryption import (
    DecryptError,
    Encrypter,
    EncryptionError,
    InvalidKeyError,
    generate_key,
    parse_key,
)

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.mark.parametrize(
    "value", [{"user": 1, "roles": ["admin"]}, [1, 2.5, None, True], "text", 42, None, ""]
)
def test_roundtrip(crypt: Encrypter, value: Any) -> None:
    assert crypt.decrypt(crypt.encrypt(value)) == value


def test_payload_is_url_safe_and_random(crypt: Encrypter) -> None:
    first, second = crypt.encrypt("same"), crypt.encrypt("same")
    assert first != second
    for payload in (first, second):
        assert set(payload) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        )
        envelope = _unb64(payload)
        assert envelope[0] == 1
        assert len(envelope) == 1 + 12 + len(b'"same"') + 16


def test_encrypt_string(crypt: Encrypter) -> None:
    payload = crypt.encrypt_string("Hello ✓")
    assert crypt.decrypt_string(payload) == "Hello ✓"
    assert crypt.decrypt(payload, unserialize=False) == "Hello ✓"


def test_serialized_payload_read_raw_gives_json(crypt: Encrypter) -> None:
    assert crypt.decrypt(crypt.encrypt({"a": 1}), unserialize=False) == '{"a":1}'


def test_unserializing_a_plain_string_fails(crypt: Encrypter) -> None:
    with pytest.raises(DecryptError):
        crypt.decrypt(crypt.encrypt_string("not json"))


def test_dataclass_is_serialized_as_dict(crypt: Encrypter) -> None:
    @dataclasses.dataclass
    class Point:
        x: int
        y: int

    assert crypt.decrypt(crypt.encrypt(Point(1, 2))) == {"x": 1, "y": 2}


@pytest.mark.parametrize("value", [{1, 2}, object(), b"bytes"])
def test_unserializable_value(crypt: Encrypter, value: object) -> None:
    with pytest.raises(EncryptionError, match="not JSON-serializable"):
        crypt.encrypt(value)


def test_serialize_false_needs_str(crypt: Encrypter) -> None:
    with pytest.raises(EncryptionError, match="needs a str"):
        crypt.encrypt(42, serialize=False)


def test_tampered_payload(crypt: Encrypter) -> None:
    envelope = bytearray(_unb64(crypt.encrypt({"admin": False})))
    for position in (1, 13, len(envelope) - 1):
        changed = bytearray(envelope)
        changed[position] ^= 0x01
        with pytest.raises(DecryptError):
            crypt.decrypt(_b64(bytes(changed)))


def test_truncated_payload(crypt: Encrypter) -> None:
    payload = crypt.encrypt("value")
    for cut in (1, 5, len(payload) // 2, len(payload) - 1):
        with pytest.raises(DecryptError):
            crypt.decrypt(payload[:cut])


def test_unknown_version(crypt: Encrypter) -> None:
    envelope = bytearray(_unb64(crypt.encrypt("value")))
    envelope[0] = 2
    with pytest.raises(DecryptError):
        crypt.decrypt(_b64(bytes(envelope)))


def test_foreign_key(crypt: Encrypter) -> None:
    other = Encrypter(os.urandom(32))
    with pytest.raises(DecryptError) as info:
        crypt.decrypt(other.encrypt("secret"))
    assert str(info.value) == "The payload is invalid."
    assert info.value.code == "decrypt-error"


def test_purpose_binding(crypt: Encrypter) -> None:
    payload = crypt.encrypt("abc", purpose="cookie:session")
    assert crypt.decrypt(payload, purpose="cookie:session") == "abc"
    with pytest.raises(DecryptError):
        crypt.decrypt(payload, purpose="cookie:remember")
    with pytest.raises(DecryptError):
        crypt.decrypt(payload)
    with pytest.raises(DecryptError):
        crypt.decrypt(crypt.encrypt("abc"), purpose="cookie:session")


def test_rotation() -> None:
    old_key, new_key = generate_key(), generate_key()
    old = Encrypter.from_app_key(old_key)
    payload = old.encrypt({"v": 1})
    rotated = Encrypter.from_app_key(new_key, f"{generate_key()},{old_key}")
    assert rotated.decrypt(payload) == {"v": 1}
    fresh = rotated.encrypt({"v": 2})
    with pytest.raises(DecryptError):
        old.decrypt(fresh)
    assert Encrypter.from_app_key(new_key).decrypt(fresh) == {"v": 2}


def test_rotation_with_purpose_and_strings() -> None:
    old = Encrypter(os.urandom(32))
    rotated = Encrypter(os.urandom(32), [old.key])
    assert rotated.decrypt_string(old.encrypt_string("x", purpose="p"), purpose="p") == "x"


def test_keys_accessors() -> None:
    current, previous = os.urandom(32), os.urandom(32)
    crypt = Encrypter(current, [previous])
    assert crypt.key == current
    assert crypt.previous_keys == [previous]
    assert crypt.all_keys == [current, previous]
    assert crypt.cipher == "aes-256-gcm"
    assert (
        Encrypter(current).with_previous_keys([previous]).decrypt(Encrypter(previous).encrypt(1))
        == 1
    )


def test_aes_128() -> None:
    crypt = Encrypter(os.urandom(16), cipher="AES-128-GCM")
    assert crypt.cipher == "aes-128-gcm"
    assert crypt.decrypt(crypt.encrypt([1])) == [1]


def test_wrong_key_length() -> None:
    with pytest.raises(InvalidKeyError, match="The key is 16 bytes long but aes-256-gcm needs 32"):
        Encrypter(os.urandom(16))
    with pytest.raises(InvalidKeyError, match="Previous key #1"):
        Encrypter(os.urandom(32), [os.urandom(31)])
    with pytest.raises(InvalidKeyError, match="Unsupported cipher"):
        Encrypter(os.urandom(32), cipher="aes-256-cbc")


def test_supported_and_generate() -> None:
    assert Encrypter.supported(os.urandom(32), "aes-256-gcm")
    assert not Encrypter.supported(os.urandom(32), "aes-128-gcm")
    assert not Encrypter.supported(os.urandom(32), "des")
    assert len(parse_key(Encrypter.generate_key())) == 32


def test_from_app_key_missing() -> None:
    with pytest.raises(InvalidKeyError, match="APP_KEY is missing or invalid"):
        Encrypter.from_app_key(None)


def test_ciphertext_hides_plaintext(crypt: Encrypter) -> None:
    assert b"topsecret" not in _unb64(crypt.encrypt_string("topsecret"))


CRYPT = Encrypter(os.urandom(32), [os.urandom(32)])


@given(st.text())
def test_decrypt_random_text_only_raises_decrypt_error(text: str) -> None:
    for unserialize in (True, False):
        with pytest.raises(DecryptError):
            CRYPT.decrypt(text, unserialize)


@given(st.binary())
def test_decrypt_random_envelopes(raw: bytes) -> None:
    with pytest.raises(DecryptError):
        CRYPT.decrypt(_b64(raw))
    with pytest.raises(DecryptError):
        CRYPT.decrypt(_b64(b"\x01" + raw))


@given(st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.integers())))
def test_decrypt_non_string_raises_decrypt_error(value: object) -> None:
    with pytest.raises(DecryptError):
        CRYPT.decrypt(value)  # type: ignore[arg-type]


@given(st.text(), st.integers(min_value=0), st.integers(min_value=0, max_value=7))
def test_decrypt_bit_flips(text: str, position: int, bit: int) -> None:
    envelope = bytearray(_unb64(CRYPT.encrypt_string(text)))
    envelope[position % len(envelope)] ^= 1 << bit
    with pytest.raises(DecryptError):
        CRYPT.decrypt_string(_b64(bytes(envelope)))


@given(JSON, st.text())
def test_roundtrip_any_json(value: Any, purpose: str) -> None:
    assert CRYPT.decrypt(CRYPT.encrypt(value, purpose=purpose), purpose=purpose) == value


@given(st.text())
def test_roundtrip_any_string(value: str) -> None:
    assert CRYPT.decrypt_string(CRYPT.encrypt_string(value)) == value


def test_lone_surrogates(crypt: Encrypter) -> None:
    with pytest.raises(EncryptionError, match="not valid Unicode"):
        crypt.encrypt_string("\ud800")
    with pytest.raises(EncryptionError):
        crypt.encrypt("\ud800")
    payload = crypt.encrypt(1, purpose="\ud800")
    assert crypt.decrypt(payload, purpose="\ud800") == 1
    with pytest.raises(DecryptError):
        crypt.decrypt(payload, purpose="\udfff")


@given(st.text(alphabet=st.characters(codec=None)), st.text(alphabet=st.characters(codec=None)))
def test_decrypt_any_codepoints(payload: str, purpose: str) -> None:
    with pytest.raises(DecryptError):
        CRYPT.decrypt(payload, purpose=purpose)


def test_app_key_text_instead_of_bytes(app_key: str) -> None:
    with pytest.raises(InvalidKeyError, match="needs raw key bytes") as info:
        Encrypter(app_key)  # type: ignore[arg-type]
    assert "from_app_key" in str(info.value)
    with pytest.raises(InvalidKeyError):
        Encrypter(os.urandom(32), [app_key])  # type: ignore[list-item]


def test_purpose_must_be_text(crypt: Encrypter) -> None:
    with pytest.raises(EncryptionError, match="purpose must be a str, got int"):
        crypt.encrypt("x", purpose=5)  # type: ignore[arg-type]
    with pytest.raises(DecryptError):
        crypt.decrypt(crypt.encrypt("x"), purpose=5)  # type: ignore[arg-type]


def test_laravel_key_getters(crypt: Encrypter) -> None:
    assert crypt.get_key() == crypt.key
    assert crypt.get_previous_keys() == crypt.previous_keys
    assert crypt.get_all_keys() == [crypt.key, *crypt.previous_keys]
