"""File rules: file, image, mimes, mimetypes, extensions, dimensions."""

from __future__ import annotations

import mimetypes as _mimetypes
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from parvel.validation._image import HEAD_BYTES, image_size, sniff_mime
from parvel.validation._values import is_upload
from parvel.validation.contracts import UploadedFileLike

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]

_IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "bmp", "svg", "webp")
_EXTRA_TYPES = {
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "webp": {"image/webp"},
    "svg": {"image/svg+xml"},
    "txt": {"text/plain"},
    "csv": {"text/csv", "text/plain"},
    "json": {"application/json", "text/plain"},
    "md": {"text/markdown", "text/plain"},
    "zip": {"application/zip"},
    "docx": {"application/zip"},
    "xlsx": {"application/zip"},
    "avif": {"image/avif"},
}


def file_mime(value: UploadedFileLike) -> str | None:
    """The MIME type from the content, falling back to the client type and the name."""
    sniffed = sniff_mime(value.head(4096))
    if sniffed and sniffed != "text/plain":
        return sniffed
    if value.content_type:
        return value.content_type.split(";")[0].strip().lower()
    if value.filename:
        guessed = _mimetypes.guess_type(value.filename)[0]
        if guessed:
            return guessed
    return sniffed


def _extension(value: UploadedFileLike) -> str:
    name = value.filename or ""
    return name.rpartition(".")[2].lower() if "." in name else ""


def _types_for(extension: str) -> set[str]:
    found = set(_EXTRA_TYPES.get(extension, ()))
    guessed = _mimetypes.guess_type(f"x.{extension}")[0]
    if guessed:
        found.add(guessed)
    return found


def file(v: Validator, a: str, value: Any, p: P) -> bool:
    return is_upload(value) and value.size >= 0


def mimes(v: Validator, a: str, value: Any, p: P) -> bool:
    if not is_upload(value):
        return False
    mime = file_mime(value)
    if mime is None:
        return False
    allowed: set[str] = set()
    for extension in p:
        allowed |= _types_for(str(extension).lower().lstrip("."))
    return mime in allowed


def mimetypes(v: Validator, a: str, value: Any, p: P) -> bool:
    if not is_upload(value):
        return False
    mime = file_mime(value)
    if mime is None:
        return False
    for pattern in p:
        text = str(pattern).lower()
        if text == mime or (text.endswith("/*") and mime.startswith(text[:-1])):
            return True
    return False


def extensions(v: Validator, a: str, value: Any, p: P) -> bool:
    if not is_upload(value):
        return False
    return _extension(value) in {str(x).lower().lstrip(".") for x in p}


def image(v: Validator, a: str, value: Any, p: P) -> bool:
    allowed = list(_IMAGE_EXTENSIONS)
    if "allow_svg" not in p:
        allowed.remove("svg")
    return mimes(v, a, value, tuple(allowed))


def _ratio(text: str) -> Fraction:
    if "/" in text:
        numerator, denominator = text.split("/", 1)
        if float(denominator) == 0:
            raise ValueError(f"the ratio {text!r} divides by zero")
        return Fraction(float(numerator)) / Fraction(float(denominator))
    return Fraction(float(text))


def dimension_constraints(params: P) -> dict[str, str]:
    """Parse ``key=value`` dimension parameters (raises ValueError on a bad one)."""
    out: dict[str, str] = {}
    allowed = {
        "width",
        "height",
        "min_width",
        "min_height",
        "max_width",
        "max_height",
        "ratio",
        "min_ratio",
        "max_ratio",
    }
    for param in params:
        key, sep, raw = str(param).partition("=")
        key = key.strip()
        if not sep or key not in allowed:
            raise ValueError(f"unknown dimension constraint {param!r}")
        try:
            _ratio(raw) if key.endswith("ratio") else int(raw)
        except (OverflowError, ZeroDivisionError, ValueError) as exc:
            raise ValueError(f"bad value in {param!r}: {exc}") from None
        out[key] = raw.strip()
    return out


def dimensions(v: Validator, a: str, value: Any, p: P) -> bool:
    if not is_upload(value):
        return False
    found = image_size(value.head(HEAD_BYTES))
    if found is None:
        return False
    width, height = found
    rules = dimension_constraints(p)
    checks: tuple[tuple[str, Callable[[int], bool]], ...] = (
        ("width", lambda n: width == n),
        ("height", lambda n: height == n),
        ("min_width", lambda n: width >= n),
        ("min_height", lambda n: height >= n),
        ("max_width", lambda n: width <= n),
        ("max_height", lambda n: height <= n),
    )
    for key, check in checks:
        if key in rules and not check(int(rules[key])):
            return False
    if height == 0:
        return not any(k.endswith("ratio") for k in rules)
    actual = Fraction(width, height)
    tolerance = Fraction(1, 1000)
    if "ratio" in rules and abs(actual - _ratio(rules["ratio"])) > tolerance:
        return False
    if "min_ratio" in rules and actual < _ratio(rules["min_ratio"]) - tolerance:
        return False
    return not ("max_ratio" in rules and actual > _ratio(rules["max_ratio"]) + tolerance)
