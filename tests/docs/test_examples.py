"""Every ```python block in docs/ runs (blocks tagged ```python notest are shown, not run).

The blocks of one page run in order in one namespace — a page reads like a session — in a
temporary working directory; top-level ``await`` is allowed.
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


def _pages() -> list[str]:
    return [
        str(page.relative_to(DOCS))
        for page in sorted(DOCS.glob("**/*.md"))
        if any("notest" not in m.group("info") for m in _BLOCK.finditer(page.read_text("utf-8")))
    ]


@pytest.mark.parametrize("page", _pages())
def test_docs_page_examples_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    monkeypatch.chdir(tmp_path)
    text = (DOCS / page).read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": f"docs_{Path(page).stem}"}
    for match in _BLOCK.finditer(text):
        if "notest" in match.group("info"):
            continue
        line = text.count("\n", 0, match.start()) + 2
        padded = "\n" * (line - 1) + match.group("code")
        code = compile(padded, str(DOCS / page), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            asyncio.run(result)
