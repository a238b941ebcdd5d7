"""Every ```python block in docs/ runs (blocks tagged ```python notest are shown, not run).

Each block runs alone, in a fresh namespace, in a temporary working directory; top-level
``await`` is allowed.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
_BLOCK = re.compile(r"^```python(?P<info>[^\n]*)\n(?P<code>.*?)^```", re.S | re.M)


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in sorted(DOCS.glob("**/*.md")):
        text = page.read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            if "notest" in match.group("info"):
                continue
            line = text.count("\n", 0, match.start()) + 2
            found.append((str(page.relative_to(DOCS)), line, match.group("code")))
    return found


@pytest.mark.parametrize(
    ("page", "line", "source"), _blocks(), ids=lambda v: v if isinstance(v, str | int) else ""
)
def test_docs_example_runs(
    page: str,
    line: int,
    source: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_app_modules: None,
) -> None:
    monkeypatch.chdir(tmp_path)
    padded = "\n" * (line - 1) + source
    code = compile(padded, str(DOCS / page), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    namespace: dict[str, object] = {"__name__": "docs_example"}
    result = eval(code, namespace)
    if inspect.iscoroutine(result):
        asyncio.run(result)
