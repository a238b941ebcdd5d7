"""Separate virtual environments: stamps, pins and honest reasons (nothing is installed here)."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest
from benchmarks.techempower import venvs


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A requirements file for the environment ``demo`` under a temporary venvs folder."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# comment\nsomething==1.0  # why\n\nother==2.0\n")
    monkeypatch.setattr(venvs, "VENVS", tmp_path / ".venvs")
    monkeypatch.setattr(venvs, "ROOT", tmp_path)
    monkeypatch.setattr(venvs, "REQUIREMENTS", {"demo": requirements})
    monkeypatch.setattr(venvs, "_prepared", {})
    return requirements


def test_every_requirements_file_is_committed_and_pinned() -> None:
    for name, requirements in venvs.REQUIREMENTS.items():
        assert requirements.is_file(), name
        assert all("==" in line for line in venvs.pins(name)), requirements
    assert "masonite" in venvs.REQUIREMENTS


def test_pins_skip_comments(fake: Path) -> None:
    assert venvs.pins("demo") == ["something==1.0", "other==2.0"]


def test_stamp_follows_requirements_and_python(fake: Path) -> None:
    assert not venvs.is_ready("demo")
    venvs.python("demo").parent.mkdir(parents=True)
    venvs.python("demo").write_text("")
    (venvs.location("demo") / venvs.STAMP).write_text(venvs.fingerprint("demo"))
    assert venvs.is_ready("demo")
    assert platform.python_version() in venvs.fingerprint("demo")
    fake.write_text("something==1.1\n")
    assert not venvs.is_ready("demo")


def test_a_ready_environment_is_not_touched(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    venvs.python("demo").parent.mkdir(parents=True)
    venvs.python("demo").write_text("")
    (venvs.location("demo") / venvs.STAMP).write_text(venvs.fingerprint("demo"))
    monkeypatch.setattr(venvs, "_run", lambda command, timeout: pytest.fail("ran a command"))
    assert venvs.ensure("demo") is None


def test_a_failing_install_is_a_reason_asked_once(
    fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def run(command: list[str], timeout: float) -> str | None:
        calls.append(command)
        return None if "venv" in command else "No matching distribution found for something"

    monkeypatch.setattr(venvs, "_run", run)
    reason = venvs.ensure("demo")
    assert reason is not None
    assert "could not install its virtual environment .venvs/demo" in reason
    assert "No matching distribution" in reason
    assert venvs.ensure("demo") == reason
    assert len(calls) == 2  # venv + pip, not repeated
    assert not (venvs.location("demo") / venvs.STAMP).exists()


def test_unknown_environment(fake: Path) -> None:
    assert venvs.ensure("nope") == "no requirements file for the virtual environment 'nope'"
