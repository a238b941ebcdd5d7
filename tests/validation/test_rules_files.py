from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from parvel.validation import InvalidRuleError, Rule, UploadedFile, Validator
from parvel.validation._image import image_size, sniff_mime


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\0" * 8


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp_vp8x(width: int, height: int) -> bytes:
    body = b"VP8X" + struct.pack("<I", 10) + b"\0\0\0\0"
    body += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def test_image_size_readers() -> None:
    assert image_size(png(640, 480)) == (640, 480)
    assert image_size(gif(10, 20)) == (10, 20)
    assert image_size(jpeg(300, 200)) == (300, 200)
    assert image_size(webp_vp8x(1920, 1080)) == (1920, 1080)
    assert image_size(b"garbage") is None
    assert image_size(b"\x89PNG\r\n\x1a\n\x00") is None
    assert sniff_mime(png(1, 1)) == "image/png"
    assert sniff_mime(b"<svg xmlns='http://www.w3.org/2000/svg'/>") == "image/svg+xml"


CASES: list[tuple[str, Any, bool]] = [
    ("file", UploadedFile("a.txt", b"hello"), True),
    ("file", "a.txt", False),
    ("image", UploadedFile("a.png", png(2, 2)), True),
    ("image", UploadedFile("a.jpg", jpeg(2, 2)), True),
    ("image", UploadedFile("a.png", b"%PDF-1.4 fake"), False),
    ("image", UploadedFile("a.svg", b"<svg></svg>"), False),
    ("image:allow_svg", UploadedFile("a.svg", b"<svg></svg>"), True),
    ("mimes:jpg,png", UploadedFile("photo.png", png(2, 2)), True),
    ("mimes:jpg", UploadedFile("photo.jpg", png(2, 2)), False),
    ("mimes:pdf", UploadedFile("doc.pdf", b"%PDF-1.7\n..."), True),
    ("mimes:txt", UploadedFile("notes.txt", b"plain text"), True),
    ("mimes:csv", UploadedFile("data.csv", b"a,b\n1,2\n"), True),
    ("mimetypes:image/*", UploadedFile("x.gif", gif(1, 1)), True),
    ("mimetypes:application/pdf", UploadedFile("x.gif", gif(1, 1)), False),
    ("extensions:png,jpg", UploadedFile("x.PNG", b"whatever"), True),
    ("extensions:png", UploadedFile("x.exe", png(1, 1)), False),
    ("dimensions:min_width=100,min_height=50", UploadedFile("a.png", png(100, 50)), True),
    ("dimensions:max_width=99", UploadedFile("a.png", png(100, 50)), False),
    ("dimensions:width=100,height=50", UploadedFile("a.png", png(100, 50)), True),
    ("dimensions:ratio=2/1", UploadedFile("a.png", png(100, 50)), True),
    ("dimensions:ratio=3/2", UploadedFile("a.png", png(100, 50)), False),
    ("dimensions:min_width=1", UploadedFile("a.txt", b"text"), False),
    ("dimensions:min_width=1", "not a file", False),
    ("file|max:1", UploadedFile.fake("big.pdf", 2), False),
    ("file|min:1|max:10", UploadedFile.fake("big.pdf", 2), True),
    ("file|between:3,4", UploadedFile.fake("big.pdf", 2), False),
]


@pytest.mark.parametrize(("rule", "value", "ok"), CASES)
async def test_file_rules(rule: str, value: Any, ok: bool) -> None:
    validator = Validator.make({"f": value}, {"f": rule})
    assert await validator.passes() is ok, validator.errors().messages()


async def test_file_on_disk(tmp_path: Path, check: Any) -> None:
    path = tmp_path / "avatar.gif"
    path.write_bytes(gif(64, 64))
    upload = UploadedFile("avatar.gif", path=path)
    assert upload.size == len(gif(64, 64))
    assert upload.extension() == "gif"
    assert await check({"f": upload}, {"f": "image|dimensions:width=64"}) == {}


async def test_rule_dimensions_object(check: Any) -> None:
    rule = Rule.dimensions().max_width(50).max_height(50).ratio("1/1")
    assert await check({"f": UploadedFile("a.png", png(50, 50))}, {"f": [rule]}) == {}
    errors = await check({"f": UploadedFile("a.png", png(60, 60))}, {"f": [rule]})
    assert errors == {"f": ["The f field has invalid image dimensions."]}
    with pytest.raises(InvalidRuleError):
        Validator.make({}, {"f": [Rule.dimensions({"depth": 3})]})


async def test_file_messages(check: Any) -> None:
    errors = await check({"f": UploadedFile.fake("a.pdf", 3)}, {"f": "file|max:2"})
    assert errors == {"f": ["The f field must not be greater than 2 kilobytes."]}
    errors = await check({"f": UploadedFile("a.txt", b"x")}, {"f": "mimes:jpg,png"})
    assert errors == {"f": ["The f field must be a file of type: jpg, png."]}


async def test_failed_upload_reports_uploaded(check: Any) -> None:
    broken = UploadedFile("big.pdf", b"", error="The file exceeds the server limit.")
    assert not broken.is_valid()
    errors = await check({"doc": broken}, {"doc": "required|file|max:10"})
    assert errors == {"doc": ["The doc failed to upload."]}
    assert await check({"doc": broken}, {"doc": "nullable"}) == {}
    assert await check({"doc": UploadedFile("a.pdf", b"%PDF-1.4")}, {"doc": "required|file"}) == {}


async def test_fake_images_carry_their_size() -> None:
    from parvel.validation import UploadedFile, Validator
    from parvel.validation._image import image_size, sniff_mime

    for name, mime in [
        ("a.png", "image/png"),
        ("a.gif", "image/gif"),
        ("a.bmp", "image/bmp"),
        ("a.jpg", "image/jpeg"),
    ]:
        fake = UploadedFile.fake_image(name, 120, 80)
        assert image_size(fake.head(4096)) == (120, 80)
        assert sniff_mime(fake.head(64)) == mime
    rules = {"avatar": "image|mimes:jpg,png|dimensions:min_width=100,max_height=100"}
    ok = Validator.make({"avatar": UploadedFile.fake_image("avatar.jpg", 100, 100)}, rules)
    assert await ok.passes()
    small = Validator.make({"avatar": UploadedFile.fake_image("avatar.png", 50, 50)}, rules)
    assert await small.fails()
    assert small.errors().first("avatar") == "The avatar field has invalid image dimensions."
