from __future__ import annotations

from typing import Any

import pytest

from parvel.validation import File, InvalidRuleError, Rule, UploadedFile
from parvel.validation.file_rule import to_kilobytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00d\x00\x00\x002\x08\x02\x00\x00\x00%W\xe9\xe9"


def test_sizes() -> None:
    assert to_kilobytes(10) == 10
    assert to_kilobytes("10mb") == 10240
    assert to_kilobytes("1.5 KB") == 1.5
    assert to_kilobytes("1gb") == 1024**2
    with pytest.raises(InvalidRuleError, match="file size"):
        to_kilobytes("ten megs")


async def test_file_builder(check: Any) -> None:
    rule = File.types(["pdf", "txt"]).min(1).max("2mb")
    assert (
        await check({"doc": UploadedFile("a.pdf", b"%PDF-1.7" + b"0" * 2048)}, {"doc": [rule]})
        == {}
    )
    errors = await check({"doc": UploadedFile("a.png", PNG)}, {"doc": [rule]})
    assert errors == {
        "doc": [
            "The doc field must be a file of type: pdf, txt.",
            "The doc field must be between 1 and 2048 kilobytes.",
        ]
    }
    assert await check({"doc": "text"}, {"doc": [Rule.file()]}) == {
        "doc": ["The doc field must be a file."]
    }
    big = UploadedFile.fake("a.pdf", 3000)
    errors = await check({"doc": big}, {"doc": [Rule.file().max("2mb")]})
    assert errors == {"doc": ["The doc field must not be greater than 2048 kilobytes."]}


async def test_image_builder(check: Any) -> None:
    rule = Rule.image_file().dimensions(Rule.dimensions().max_width(200)).extensions(["png"])
    assert await check({"a": UploadedFile("a.png", PNG)}, {"a": [rule]}) == {}
    assert await check({"a": UploadedFile("a.jpg", PNG)}, {"a": [rule]}) != {}
    svg = UploadedFile("a.svg", b"<svg></svg>")
    assert await check({"a": svg}, {"a": [File.image()]}) != {}
    assert await check({"a": svg}, {"a": [File.image(allow_svg=True)]}) == {}
    chained = Rule.image_file().types(["png"]).max(10)
    assert [r.name for r in chained.to_rules()] == ["file", "image", "mimes", "max"]
    mime = File.types("image/png").between(0, 10).size(0.05).rules("required")
    assert [r.name for r in mime.to_rules()] == ["file", "mimetypes", "size", "between", "required"]
