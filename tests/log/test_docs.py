"""Every Python example in docs/logging.md runs, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "logging.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_page_has_examples() -> None:
    assert len(BLOCK.findall(PAGE.read_text(encoding="utf-8"))) >= 5


def test_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_log"}
    text = PAGE.read_text(encoding="utf-8")
    for number, match in enumerate(BLOCK.finditer(text), start=1):
        line = text.count("\n", 0, match.start()) + 2
        code = compile(match.group(1), f"{PAGE.name}:{line} (example {number})", "exec")
        exec(code, namespace)
