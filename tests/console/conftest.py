from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parvel.console.main import run


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str],
    isolated_app_modules: None,
    forget_modules: Callable[[], None],
) -> Callable[..., tuple[int, str, str]]:
    """Run ``parvel ARGS`` in-process: returns (exit code, stdout, stderr)."""

    def invoke(*args: str) -> tuple[int, str, str]:
        forget_modules()
        code = run(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def new_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., tuple[int, str, str]]
) -> Path:
    """A fresh app made by `parvel new demo`, with the working directory inside it."""
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("new", "demo")
    assert code == 0, err
    monkeypatch.chdir(tmp_path / "demo")
    return tmp_path / "demo"
