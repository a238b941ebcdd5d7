"""Every example in docs/database.md runs, top to bottom, against in-memory SQLite."""

import ast
import re
import types
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "database.md"


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL)


def test_docs_have_examples() -> None:
    assert len(blocks()) > 20


async def test_docs_examples_run(capsys) -> None:
    namespace: dict[str, object] = {"__name__": "docs_database"}
    for index, source in enumerate(blocks()):
        code = compile(
            source, f"docs/database.md[block {index}]", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        )
        result = eval(code, namespace)
        if isinstance(result, types.CoroutineType):
            await result
