"""Every error code Parvel defines is explained in docs/errors.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_error_code_is_documented() -> None:
    codes = set()
    for file in (ROOT / "src" / "parvel").rglob("*.py"):
        codes.update(
            re.findall(r'^\s+code(?::\s*str)?\s*=\s*"([a-z0-9-]+)"', file.read_text(), re.M)
        )
    documented = set(
        re.findall(r"^\| `([a-z0-9-]+)` \|", (ROOT / "docs" / "errors.md").read_text(), re.M)
    )
    assert codes, "no error codes found"
    assert sorted(codes - documented) == []
