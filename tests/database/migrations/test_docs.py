"""Every Python example in docs/migrations.md runs, top to bottom, on SQLite."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[3] / "docs" / "migrations.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples() -> None:
    assert len(blocks()) > 10


async def test_docs_examples_run(tmp_path: Path) -> None:
    namespace: dict[str, object] = {"__name__": "docs_migrations"}
    saved_path = list(sys.path)
    try:
        for index, code in enumerate(blocks()):
            first = code.splitlines()[0]
            if first.startswith("# file: "):
                app = namespace["app"]
                assert isinstance(app, Path)
                target = app / first.removeprefix("# file: ").strip()
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(code, encoding="utf-8")
                continue
            compiled = compile(
                code, f"{DOC.name}[{index}]", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
            )
            result = eval(compiled, namespace)
            if result is not None:
                await result
        assert "console" in namespace  # the last example ran
    finally:
        manager = namespace.get("DB")
        if manager is not None:
            await manager.disconnect_all()  # type: ignore[attr-defined]
        sys.path[:] = saved_path
