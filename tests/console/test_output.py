"""Output's questions: non-interactive runs take the defaults; secret hides the answer."""

from __future__ import annotations

import io
from typing import Any

import pytest

from parvel.support.console import Output


def test_questions_take_their_defaults_without_a_terminal() -> None:
    out = Output(stream=io.StringIO())
    assert out.secret("Password?") is None
    assert out.secret("Password?", "s3cret") == "s3cret"
    assert out.anticipate("City?", ["Paris", "Oslo"], "Oslo") == "Oslo"
    assert out.ask("Name?", "Taylor") == "Taylor"
    assert out.confirm("Sure?") is False


def test_secret_asks_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.prompt import Prompt

    seen: dict[str, Any] = {}

    def ask(question: str, **options: Any) -> str:
        seen.update(options, question=question)
        return "hunter2"

    monkeypatch.setattr(Prompt, "ask", ask)
    out = Output(stream=io.StringIO())
    out.interactive = True
    assert out.secret("Password?") == "hunter2"
    assert seen["password"] is True
    assert out.anticipate("City?", ["Paris", "Oslo"]) == "hunter2"
    assert "Paris, Oslo" in seen["question"]


def test_progress_bar_by_hand() -> None:
    stream = io.StringIO()
    out = Output(stream=stream)
    bar = out.create_progress_bar(3)
    bar.start()
    bar.advance()
    bar.advance(2)
    assert bar.steps == 3
    bar.finish()
    assert "100%" in stream.getvalue()
    lazy = out.create_progress_bar()
    lazy.advance()
    lazy.set_progress(5)
    lazy.finish()
    assert lazy.steps == 5


def test_alert_bullet_list_and_two_column_detail() -> None:
    stream = io.StringIO()
    out = Output(stream=stream)
    out.alert("Careful")
    out.bullet_list(["one", "two"])
    out.two_column_detail("Name", "Parvel")
    text = stream.getvalue()
    assert "*     Careful     *" in text
    assert "⇂ two" in text
    assert "Parvel" in text


def test_command_argument_and_option_without_a_key() -> None:
    from parvel.support.console_command import Command

    class Probe(Command):
        signature = "probe {name} {--loud}"

    probe = Probe()
    probe.set_input({"name": "x"}, {"loud": True}, Output(stream=io.StringIO()))
    assert probe.argument() == {"name": "x"}
    assert probe.option() == {"loud": True}
    assert probe.components is probe.output
