from __future__ import annotations

from decimal import Decimal

from parvel.validation import UploadedFile
from parvel.validation._values import (
    format_number,
    is_filled,
    is_numeric,
    is_upload,
    loose_in,
    php_str,
    size_of,
    size_type,
    to_decimal,
    to_number,
)


def test_numeric_checks() -> None:
    assert is_numeric("12")
    assert is_numeric(" -1.5e3 ")
    assert is_numeric(3)
    assert is_numeric(Decimal("1.5"))
    assert not is_numeric(True)
    assert not is_numeric("1_000")
    assert not is_numeric(float("inf"))
    assert not is_numeric("x" * 500)
    assert to_number("12") == 12
    assert to_number("1.5") == 1.5
    assert to_decimal("0.1") == Decimal("0.1")
    assert to_decimal("abc") is None


def test_string_forms_and_comparisons() -> None:
    assert php_str(True) == "true"
    assert php_str(None) == ""
    assert php_str(2.0) == "2"
    assert loose_in(True, ("1",))
    assert loose_in(False, ("false",))
    assert not loose_in(True, ("0",))
    assert loose_in(None, ("null",))
    assert loose_in(5, ("5.0",))
    assert not loose_in("a", ("b",))


def test_sizes() -> None:
    upload = UploadedFile.fake("a.bin", 2)
    assert is_upload(upload)
    assert not is_upload("a")
    assert size_type(upload, False) == "file"
    assert size_of(upload, False) == 2
    assert size_of("héllo", False) == 5
    assert size_of("12", True) == 12
    assert size_of([1, 2], False) == 2
    assert size_of(7, False) == 7
    assert format_number(3.0) == "3"


def test_is_filled() -> None:
    assert not is_filled(None)
    assert not is_filled(" \t")
    assert not is_filled([])
    assert not is_filled({})
    assert is_filled(0)
    assert is_filled(False)
    assert is_filled("x")
    assert not is_filled(UploadedFile(None, b""))
