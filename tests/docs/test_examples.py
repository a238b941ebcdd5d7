"""Every plain ```python block in docs/ runs (```python notest blocks are shown, not run).

The blocks of one page run in order in one namespace — a page reads like a session — in a
temporary working directory; top-level ``await`` is allowed. A page whose examples need more
(views.md renders Blade examples against their documented output) has its own
``tests/<component>/test_docs.py``, which names the page; those pages are left to it.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
_BLOCK = re.compile(r"^```python(?P<info>[^\n]*)\n(?P<code>.*?)^```", re.S | re.M)


def _runnable(info: str) -> bool:
    return info.strip() in ("", "test")


def _dedicated() -> str:
    return "".join(p.read_text("utf-8") for p in (ROOT / "tests").rglob("test_docs*.py"))


def _pages() -> list[str]:
    dedicated = _dedicated()
    return [
        str(page.relative_to(DOCS))
        for page in sorted(DOCS.glob("**/*.md"))
        if f'"{page.name}"' not in dedicated
        and any(_runnable(m.group("info")) for m in _BLOCK.finditer(page.read_text("utf-8")))
    ]


@pytest.mark.parametrize("page", _pages())
def test_docs_page_examples_run(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    monkeypatch.chdir(tmp_path)
    text = (DOCS / page).read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": f"docs_{Path(page).stem}"}
    for match in _BLOCK.finditer(text):
        if not _runnable(match.group("info")):
            continue
        line = text.count("\n", 0, match.start()) + 2
        padded = "\n" * (line - 1) + match.group("code")
        code = compile(padded, str(DOCS / page), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            asyncio.run(result)
