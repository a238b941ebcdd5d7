from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parvel.encryption import Encrypter, InvalidKeyError, Signer


def test_sign_and_unsign() -> None:
    signer = Signer([os.urandom(32)])
    signed = signer.sign("user:42")
    assert signed.startswith("user:42.")
    assert signer.unsign(signed) == "user:42"


def test_values_with_dots_and_unicode() -> None:
    signer = Signer([os.urandom(32)])
    for value in ["a.b.c", "", "ünïcødé ✓", "."]:
        assert signer.unsign(signer.sign(value)) == value


def test_tampered_value_or_signature_fails() -> None:
    signer = Signer([os.urandom(32)])
    signed = signer.sign("user:42")
    assert signer.unsign("user:43" + signed[7:]) is None
    # flip a character inside the signature (the last base64 character carries padding bits,
    # so changing it may decode to the same bytes)
    middle = signed[-10]
    assert signer.unsign(signed[:-10] + ("A" if middle != "A" else "B") + signed[-9:]) is None
    assert signer.unsign(signed[:-1]) is None
    assert signer.unsign("user:42") is None


def test_purpose_binds_signature() -> None:
    signer = Signer([os.urandom(32)])
    signed = signer.sign("42", purpose="cookie:remember")
    assert signer.unsign(signed, purpose="cookie:remember") == "42"
    assert signer.unsign(signed, purpose="cookie:session") is None
    assert signer.unsign(signed) is None


def test_purpose_and_value_cannot_be_shifted() -> None:
    signer = Signer([os.urandom(32)])
    assert signer.signature("bc", purpose="a") != signer.signature("c", purpose="ab")


def test_foreign_key_fails() -> None:
    assert Signer([os.urandom(32)]).unsign(Signer([os.urandom(32)]).sign("x")) is None


def test_rotation_verifies_with_previous_keys() -> None:
    old, new = os.urandom(32), os.urandom(32)
    signed_with_old = Signer([old]).sign("hello")
    rotated = Signer([new, old])
    assert rotated.unsign(signed_with_old) == "hello"
    assert Signer([old]).unsign(rotated.sign("hello")) is None


def test_signature_and_verify() -> None:
    signer = Signer([os.urandom(32)])
    signature = signer.signature("/download?file=1", purpose="url")
    assert len(signature) == 43
    assert signer.verify("/download?file=1", signature, purpose="url")
    assert not signer.verify("/download?file=2", signature, purpose="url")
    assert not signer.verify("/download?file=1", "x" * 43, purpose="url")


def test_no_keys() -> None:
    with pytest.raises(InvalidKeyError):
        Signer([])


def test_encrypter_exposes_signing(crypt: Encrypter) -> None:
    assert crypt.unsign(crypt.sign("v", "p"), "p") == "v"
    assert crypt.verify("v", crypt.signature("v", "p"), "p")
    assert crypt.unsign(crypt.sign("v", "p"), "q") is None


SIGNER = Signer([os.urandom(32), os.urandom(32)])


@given(st.text())
def test_unsign_garbage_returns_none(text: str) -> None:
    assert SIGNER.unsign(text) is None
    assert SIGNER.unsign(text, purpose=text) is None


@given(st.text(), st.text())
def test_verify_garbage_is_false(value: str, signature: str) -> None:
    assert SIGNER.verify(value, signature) is False


@given(st.text(), st.text())
def test_roundtrip_any_text(value: str, purpose: str) -> None:
    assert SIGNER.unsign(SIGNER.sign(value, purpose), purpose) == value


@given(st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text())))
def test_unsign_non_strings(value: object) -> None:
    assert SIGNER.unsign(value) is None  # type: ignore[arg-type]


@given(st.text(alphabet=st.characters(codec=None)), st.text(alphabet=st.characters(codec=None)))
def test_surrogates_sign_and_fail_safely(value: str, purpose: str) -> None:
    assert SIGNER.unsign(SIGNER.sign(value, purpose), purpose) == value
    assert SIGNER.unsign(value, purpose) is None


def test_sign_needs_strings() -> None:
    from parvel.encryption import EncryptionError

    signer = Signer([os.urandom(32)])
    with pytest.raises(EncryptionError, match="Only strings can be signed, got int"):
        signer.sign(42)  # type: ignore[arg-type]
    with pytest.raises(EncryptionError):
        signer.signature("x", purpose=None)  # type: ignore[arg-type]
