"""Every code block and every rule-table row of docs/validation.md runs here."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from parvel.validation import UploadedFile, Validator

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, flags=re.DOTALL)
ROW = re.compile(
    r"^\| `([^`]+)` \| .*? \| (`.+?`(?: \(on `f\.\*`\))?|see above) \| (.+?) \| (.+?) \|$"
)
PNG_100x50 = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00d\x00\x00\x002\x08\x02\x00\x00\x00%W\xe9\xe9"
)


def rows() -> list[tuple[str, str, str, str]]:
    found = []
    for line in TEXT.splitlines():
        match = ROW.match(line)
        if match and match.group(2) != "see above":
            found.append((match.group(1), match.group(2), match.group(3), match.group(4)))
    return found


async def test_every_code_block_runs() -> None:
    assert len(BLOCKS) >= 10
    namespace: dict[str, Any] = {"__name__": "docs_validation"}
    for index, block in enumerate(BLOCKS):
        code = compile(
            block, f"{DOC.name}[block {index}]", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        )
        result = eval(code, namespace)
        if result is not None:
            await result


def test_rule_table_covers_the_rules() -> None:
    names = {row[0].split(":")[0] for row in rows()}
    assert len(rows()) >= 100
    for rule in ("required", "email", "max", "unique", "after", "distinct", "prohibits", "uuid"):
        assert rule in names or rule in TEXT


@pytest.mark.parametrize(("rule", "example", "passes", "fails"), rows())
async def test_rule_table_row(rule: str, example: str, passes: str, fails: str) -> None:
    field = "f.*" if example.endswith("(on `f.*`)") else "f"
    rule_text = example.split("`")[1].replace("\\|", "|")
    env = {"UploadedFile": UploadedFile, "PNG_100x50": PNG_100x50}
    good = eval(passes.strip("`"), env)
    validator = Validator.make(good, {field: rule_text})
    assert await validator.passes(), (rule, validator.errors().messages())
    if fails.strip() != "—":
        bad = eval(fails.strip("`"), env)
        assert await Validator.make(bad, {field: rule_text}).fails(), rule
