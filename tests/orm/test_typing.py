"""mypy keeps model types through the query API and rejects wrong field use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent / "type_check"
SRC = Path(__file__).parents[2] / "src"


def run_mypy(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "", "--strict", "--follow-imports=silent",
         "--ignore-missing-imports", str(target)],
        capture_output=True, text=True, cwd=SRC.parent, env={**os.environ, "MYPYPATH": str(SRC)},
        check=False,
    )  # fmt: skip


def test_typed_models_pass_mypy() -> None:
    result = run_mypy(HERE / "typed_models.py")
    assert result.returncode == 0, result.stdout


def test_wrong_field_types_are_rejected() -> None:
    result = run_mypy(HERE / "bad_models.py")
    assert result.returncode == 1
    assert (
        'Incompatible types in assignment (expression has type "str", variable has type "int")'
        in result.stdout
    )
    assert '"Article" has no attribute "titel"' in result.stdout
    assert 'Argument 1 has incompatible type "int"; expected "str"' in result.stdout
